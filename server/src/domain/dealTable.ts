/**
 * Opportunities, buying committee members and opportunity contact roles as columns of codes,
 * in the same dictionaries as the request table (requestTable.ts), so the sides of a million
 * requests (sides.ts) are found by comparing integers. The service's reader appends rows as
 * they stream in; callers with records get the same table from `toDealTable`.
 */
import { int32, uint8 } from './columns';
import type { CommitteeMemberRecord, ContactRoleRecord, OpportunityRecord } from './records';
import { newDictionaries, type Dictionaries } from './requestTable';

/** People with a role on opportunities: contact, opportunity and role codes. */
export interface RoleColumns {
  readonly length: number;
  /** The row's own Id (committee rows only, in the ids dictionary; 0 for contact roles): the
   * service stamps it on the requests whose requester it judged (Requester_Member__c). */
  readonly id: Int32Array;
  readonly contact: Int32Array;
  readonly opportunity: Int32Array;
  /** Codes of the role's name and (committee rows only; 0 for contact roles) the member's
   * Influence__c, in the picklists dictionary; 1 where the member holds a veto. */
  readonly role: Int32Array;
  readonly influence: Int32Array;
  readonly veto: Uint8Array;
}

export interface DealTable extends Dictionaries {
  readonly opportunities: {
    readonly length: number;
    readonly id: Int32Array;
    readonly account: Int32Array;
    /** 1 for an open opportunity (IsClosed false, or a stage not starting with 'Closed'). */
    readonly open: Uint8Array;
  };
  readonly members: RoleColumns;
  /** The standard OpportunityContactRole. */
  readonly contactRoles: RoleColumns;
}

function isOpen(opp: OpportunityRecord): boolean {
  if (typeof opp.IsClosed === 'boolean') return !opp.IsClosed;
  return !(typeof opp.StageName === 'string' && opp.StageName.startsWith('Closed'));
}

const roleColumns = () => ({
  id: int32(),
  contact: int32(),
  opportunity: int32(),
  role: int32(),
  influence: int32(),
  veto: uint8(),
});
type RoleBuilder = ReturnType<typeof roleColumns>;

export class DealTableBuilder {
  private readonly opp = { id: int32(), account: int32(), open: uint8() };
  private readonly members = roleColumns();
  private readonly contactRoles = roleColumns();

  constructor(private readonly dict: Dictionaries = newDictionaries()) {}

  addOpportunity(o: OpportunityRecord): void {
    this.opp.id.push(this.dict.ids.code(o.Id));
    this.opp.account.push(this.dict.ids.code(o.AccountId));
    this.opp.open.push(isOpen(o) ? 1 : 0);
  }

  addMember(m: CommitteeMemberRecord): void {
    this.addRole(
      this.members,
      m.Id,
      m.Contact__c,
      m.Opportunity__c,
      m.Role__c,
      m.Influence__c,
      m.Has_Veto__c,
    );
  }

  addContactRole(r: ContactRoleRecord): void {
    this.addRole(this.contactRoles, null, r.ContactId, r.OpportunityId, r.Role);
  }

  build(): DealTable {
    const roles = (b: RoleBuilder): RoleColumns => ({
      length: b.contact.length,
      id: b.id.done(),
      contact: b.contact.done(),
      opportunity: b.opportunity.done(),
      role: b.role.done(),
      influence: b.influence.done(),
      veto: b.veto.done(),
    });
    return {
      ...this.dict,
      opportunities: {
        length: this.opp.id.length,
        id: this.opp.id.done(),
        account: this.opp.account.done(),
        open: this.opp.open.done(),
      },
      members: roles(this.members),
      contactRoles: roles(this.contactRoles),
    };
  }

  private addRole(
    b: RoleBuilder,
    id: string | null | undefined,
    contact: string,
    opportunity: string,
    role?: string | null,
    influence?: string | null,
    veto?: boolean | null,
  ) {
    b.id.push(this.dict.ids.code(id));
    b.contact.push(this.dict.ids.code(contact));
    b.opportunity.push(this.dict.ids.code(opportunity));
    b.role.push(this.dict.picklists.code(role));
    b.influence.push(this.dict.picklists.code(influence));
    b.veto.push(veto === true ? 1 : 0);
  }
}

/** A deal table of records already in memory, coded in `dict` (which it extends). */
export function toDealTable(
  input: {
    opportunities: readonly OpportunityRecord[];
    committeeMembers: readonly CommitteeMemberRecord[];
    contactRoles: readonly ContactRoleRecord[];
  },
  dict?: Dictionaries,
): DealTable {
  const b = new DealTableBuilder(dict);
  for (const o of input.opportunities) b.addOpportunity(o);
  for (const m of input.committeeMembers) b.addMember(m);
  for (const r of input.contactRoles) b.addContactRole(r);
  return b.build();
}
