import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/ldsUtils';
import ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';
import INFLUENCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Influence__c';
import STANCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Stance__c';
import VETO_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Has_Veto__c';
import NOTES_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Notes__c';

import CANCEL from '@salesforce/label/c.Quorum_Common_Cancel';
import EDIT from '@salesforce/label/c.Quorum_Common_Edit';
import SAVE from '@salesforce/label/c.Quorum_Common_Save';
import COL_ROLE from '@salesforce/label/c.Quorum_Committee_ColRole';
import COL_INFLUENCE from '@salesforce/label/c.Quorum_Committee_ColInfluence';
import COL_STANCE from '@salesforce/label/c.Quorum_Committee_ColStance';
import COL_VETO from '@salesforce/label/c.Quorum_Committee_ColVeto';
import COL_NOTES from '@salesforce/label/c.Quorum_Committee_ColNotes';
import NOT_SET from '@salesforce/label/c.Quorum_Common_NotSet';
import REMOVE from '@salesforce/label/c.Quorum_Committee_Remove';
import VETO_BADGE from '@salesforce/label/c.Quorum_Committee_VetoBadge';
import EDIT_MEMBER from '@salesforce/label/c.Quorum_Committee_EditMember';
import REMOVE_MEMBER from '@salesforce/label/c.Quorum_Committee_RemoveMember';
import MEMBER_ACTIONS from '@salesforce/label/c.Quorum_Committee_MemberActions';

/**
 * One committee member: read view, and an inline edit form when the parent says so.
 * Writes are the parent's job: this component only reports what the user chose.
 */
export default class CommitteeMember extends LightningElement {
  /** Flat member from c/buyingCommittee's coverage model. */
  @api member;
  /** True while this member is the one being edited. */
  @api editing = false;
  /** True while the parent is saving (disables Save). */
  @api saving = false;
  @api roleOptions = [];
  @api influenceOptions = [];
  @api stanceOptions = [];

  labels = {
    cancel: CANCEL,
    edit: EDIT,
    save: SAVE,
    role: COL_ROLE,
    influence: COL_INFLUENCE,
    stance: COL_STANCE,
    veto: COL_VETO,
    notes: COL_NOTES,
    remove: REMOVE,
    vetoBadge: VETO_BADGE,
  };

  draft = {};

  get roleText() {
    return this.member.roleLabel || NOT_SET;
  }

  get influenceText() {
    return this.member.influenceLabel || NOT_SET;
  }

  get stanceText() {
    return this.member.stanceLabel || NOT_SET;
  }

  get actionsLabel() {
    return formatLabel(MEMBER_ACTIONS, this.member.name);
  }

  get editAlternativeText() {
    return formatLabel(EDIT_MEMBER, this.member.name);
  }

  get removeAlternativeText() {
    return formatLabel(REMOVE_MEMBER, this.member.name);
  }

  handleEdit() {
    const { role, influence, stance, hasVeto, notes } = this.member;
    this.draft = { role, influence, stance, hasVeto, notes };
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: this.member.id } }));
  }

  handleDraftChange(event) {
    const key = event.target.dataset.key;
    const value = event.target.type === 'checkbox' ? event.target.checked : event.detail.value;
    this.draft = { ...this.draft, [key]: value };
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel', { detail: { id: this.member.id } }));
  }

  handleSave() {
    const draft = this.draft;
    // Every editable field is sent, blanks as null, so clearing a value really clears it.
    const fields = {
      [ROLE_FIELD.fieldApiName]: draft.role || null,
      [INFLUENCE_FIELD.fieldApiName]: draft.influence || null,
      [STANCE_FIELD.fieldApiName]: draft.stance || null,
      [VETO_FIELD.fieldApiName]: draft.hasVeto === true,
      [NOTES_FIELD.fieldApiName]: draft.notes || null,
    };
    this.dispatchEvent(
      new CustomEvent('save', { detail: { id: this.member.id, name: this.member.name, fields } }),
    );
  }

  handleRemove() {
    this.dispatchEvent(
      new CustomEvent('remove', { detail: { id: this.member.id, name: this.member.name } }),
    );
  }
}
