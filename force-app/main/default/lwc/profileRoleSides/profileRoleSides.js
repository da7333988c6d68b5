import { LightningElement, api } from 'lwc';
import { DEFAULT_ROLE_SIDES, SIDES } from 'c/quorumProfile';
import { formatLabel } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.Quorum_Profile_RoleSidesTitle';
import HELP from '@salesforce/label/c.Quorum_Profile_RoleSidesHelp';
import ROLE from '@salesforce/label/c.Quorum_Profile_RoleSidesRole';
import SIDE from '@salesforce/label/c.Quorum_Profile_RoleSidesSide';
import CHANGED from '@salesforce/label/c.Quorum_Profile_RoleSidesChanged';
import RESET from '@salesforce/label/c.Quorum_Profile_RoleSidesReset';
import SIDE_DECISION from '@salesforce/label/c.Quorum_Committee_SideDecision';
import SIDE_INFLUENCE from '@salesforce/label/c.Quorum_Committee_SideInfluence';
import SIDE_USE from '@salesforce/label/c.Quorum_Committee_SideUse';
import SIDE_UNKNOWN from '@salesforce/label/c.Quorum_Profile_SideUnknown';

const SIDE_LABELS = {
  Decision: SIDE_DECISION,
  Influence: SIDE_INFLUENCE,
  Use: SIDE_USE,
  Unknown: SIDE_UNKNOWN,
};

/**
 * Which side of the buying decision each committee role counts on: one row per role with a
 * side to pick, the built-in side marked when changed. It reports the overrides only (roles
 * whose side differs from the built-in map of c/quorumProfile), which is what
 * Role_Side_Mapping__c stores. A member holding a veto counts on the Decision side whatever
 * the role (the scoring rule, not a choice here).
 */
export default class ProfileRoleSides extends LightningElement {
  /** role → side overrides (Role_Side_Mapping__c, parsed). */
  @api overrides = {};

  labels = { TITLE, HELP, ROLE, SIDE, RESET };

  get sideOptions() {
    return SIDES.map((side) => ({ label: SIDE_LABELS[side] || side, value: side }));
  }

  /** Every built-in role, plus roles only the overrides name (e.g. an org's own role). */
  get rows() {
    const overrides = this.overrides || {};
    const roles = [...new Set([...Object.keys(DEFAULT_ROLE_SIDES), ...Object.keys(overrides)])];
    return roles.map((role) => {
      const builtIn = DEFAULT_ROLE_SIDES[role] || 'Unknown';
      const side = Object.prototype.hasOwnProperty.call(overrides, role)
        ? overrides[role]
        : builtIn;
      const changed = side !== builtIn;
      return {
        role,
        side,
        changed,
        changedText: changed ? formatLabel(CHANGED, SIDE_LABELS[builtIn] || builtIn) : '',
        rowClass: changed ? 'role-row changed' : 'role-row',
      };
    });
  }

  get hasOverrides() {
    return Object.keys(this.overrides || {}).length > 0;
  }

  get resetDisabled() {
    return !this.hasOverrides;
  }

  handleSideChange(event) {
    const role = event.target.dataset.role;
    const side = event.detail.value;
    const next = { ...(this.overrides || {}) };
    if (side === (DEFAULT_ROLE_SIDES[role] || 'Unknown')) {
      delete next[role];
    } else {
      next[role] = side;
    }
    this.notify(next);
  }

  handleReset() {
    this.notify({});
  }

  notify(overrides) {
    this.dispatchEvent(new CustomEvent('change', { detail: { overrides } }));
  }
}
