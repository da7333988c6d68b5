import {
  DEFAULT_ROLE_SIDES,
  DemandScoringProfileRecord,
  EscalatedRequest,
  EscalatedRequestRecord,
  RECORD_SCHEMAS,
  REQUEST_STATUSES,
  ROLES,
  SOBJECTS,
  SegmentDemandScoreRecord,
  fieldNames,
  selectAll,
} from '../../src/schema';

describe('schema module', () => {
  it('names the same fields in the object definitions and the record schemas', () => {
    for (const [apiName, object] of Object.entries(SOBJECTS)) {
      expect(object.apiName).toBe(apiName);
      const schema = RECORD_SCHEMAS[apiName as keyof typeof RECORD_SCHEMAS];
      expect(Object.keys(schema.shape).sort()).toEqual(fieldNames(object).sort());
    }
  });

  it('parses a REST record and drops attributes', () => {
    const rec = EscalatedRequestRecord.parse({
      attributes: {
        type: 'Escalated_Request__c',
        url: '/services/data/v62.0/sobjects/Escalated_Request__c/a01',
      },
      Id: 'a01000000000001AAA',
      Name: 'SSO with Azure AD',
      Account__c: '001000000000001AAA',
      Urgency__c: 'High',
      Needed_By__c: '2026-12-01',
      Revenue_At_Stake__c: 250000,
      Deal_Blocker__c: true,
      Status__c: 'New',
      SystemModstamp: '2026-11-01T09:00:00.000+0000',
    });
    expect(rec).not.toHaveProperty('attributes');
    expect(rec.Urgency__c).toBe('High');
    expect(rec.Theme__c).toBeNull();
    expect(rec.Deal_Blocker__c).toBe(true);
  });

  it('parses a Bulk API CSV row (strings, blanks)', () => {
    const rec = SegmentDemandScoreRecord.parse({
      Id: 'a05000000000001AAA',
      Score_Key__c: 'ALL:a02000000000001AAA',
      Segment__c: '',
      Score__c: '4.5000',
      Quorum_Reached__c: 'false',
      Earliest_Needed_By__c: '',
      Computed_At__c: '2026-11-01T09:00:00.000Z',
    });
    expect(rec.Segment__c).toBeNull();
    expect(rec.Score__c).toBe(4.5);
    expect(rec.Quorum_Reached__c).toBe(false);
  });

  it('splits multi-select picklists and rejects unknown picklist values', () => {
    const profile = DemandScoringProfileRecord.parse({
      Id: 'a03',
      Counted_Statuses__c: 'New;Planned',
    });
    expect(profile.Counted_Statuses__c).toEqual(['New', 'Planned']);
    expect(() =>
      EscalatedRequestRecord.parse({ Id: 'a01', Account__c: '001', Urgency__c: 'Urgent' }),
    ).toThrow();
  });

  it('maps every committee role to a side and builds SOQL from names', () => {
    for (const role of ROLES) expect(DEFAULT_ROLE_SIDES[role]).toBeDefined();
    expect(REQUEST_STATUSES).toContain('Delivered');
    expect(selectAll(EscalatedRequest, ['Id', 'Urgency__c'])).toBe(
      'SELECT Id, Urgency__c FROM Escalated_Request__c',
    );
  });
});
