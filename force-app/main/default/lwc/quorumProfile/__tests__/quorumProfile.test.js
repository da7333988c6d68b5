import {
  checkCountedStatuses,
  checkField,
  checkRoleMapping,
  countedStatusesOf,
  DEFAULT_COUNTED_STATUSES,
  DEFAULTS,
  defaultProfileRecord,
  NUMBER_FIELDS,
  RANGES,
  resolveProfile,
  sideOf,
  summaryNumbers,
  WEIGHT_FIELDS,
} from '../quorumProfile';

describe('checkField', () => {
  it.each([
    ['Urgency_Critical__c', '0', null],
    ['Urgency_Critical__c', '10', null],
    ['Urgency_Critical__c', '10.01', 'weight'],
    ['Source_Partner__c', '-0.1', 'weight'],
    ['Revenue_Weight__c', '', 'required'],
    ['Half_Life_Days__c', '0', 'halfLife'],
    ['Half_Life_Days__c', '3650', null],
    ['Half_Life_Days__c', '3651', 'halfLife'],
    ['Half_Life_Days__c', '30.5', 'integer'],
    ['Decay_Floor__c', '1', null],
    ['Decay_Floor__c', '1.2', 'floor'],
    ['Account_Voice_Cap__c', '0.99', 'cap'],
    ['Account_Voice_Cap__c', '1', null],
    ['Quorum_Size__c', '1000', null],
    ['Quorum_Size__c', '1001', 'quorum'],
    ['Quorum_Size__c', '0', 'quorum'],
    ['Reference_Revenue__c', '0', 'revenue'],
    ['Reference_Revenue__c', '0.01', null],
    ['Reference_Revenue__c', 'abc', 'required'],
  ])('%s = "%s" → %s', (field, raw, expected) => {
    expect(checkField(field, raw)).toBe(expected);
  });

  it('accepts every default', () => {
    Object.entries(DEFAULTS).forEach(([field, value]) =>
      expect(checkField(field, value)).toBeNull(),
    );
  });
});

describe('checkRoleMapping', () => {
  it('accepts blank and a role → side object', () => {
    expect(checkRoleMapping('')).toBeNull();
    expect(checkRoleMapping('{"Influencer": "Decision", "Procurement": "Use"}')).toBeNull();
  });

  it('rejects malformed JSON, non-objects and unknown sides', () => {
    expect(checkRoleMapping('{"Influencer": ')).toBe('json');
    expect(checkRoleMapping('["Decision"]')).toBe('json');
    expect(checkRoleMapping('{"Influencer": "Boss"}')).toBe('side');
  });
});

describe('summaryNumbers', () => {
  it('gives the DESIGN.md reading of the defaults', () => {
    expect(summaryNumbers(DEFAULTS)).toEqual({
      criticalOverLow: 4,
      decisionOverUse: 1.5,
      halfLife: 730,
      floorPercent: 25,
      blocker: 1.5,
      revenueBoostPercent: 15.1,
      referenceRevenue: 100000,
      cap: 3,
      ordinaryAccountsToOutrank: 6,
      quorum: 6,
    });
  });

  it('follows the weights', () => {
    const n = summaryNumbers({ ...DEFAULTS, Urgency_Low__c: 1, Account_Voice_Cap__c: 2.5 });
    expect(n.criticalOverLow).toBe(2);
    expect(n.ordinaryAccountsToOutrank).toBe(3);
  });

  it('leaves out ratios a zero weight makes meaningless', () => {
    const n = summaryNumbers({ ...DEFAULTS, Urgency_Low__c: 0, Side_Use__c: 0 });
    expect(n.criticalOverLow).toBeNull();
    expect(n.decisionOverUse).toBeNull();
    expect(n.ordinaryAccountsToOutrank).toBeNull();
  });
});

describe('resolveProfile', () => {
  it('gives the documented defaults for no record', () => {
    const { profile, problems } = resolveProfile(null);
    expect(problems).toEqual([]);
    expect(profile.halfLifeDays).toBe(730);
    expect(profile.influence).toEqual({ High: 1.2, Medium: 1, Low: 0.8, Unknown: 1 });
    expect(profile.workaround).toEqual({
      None: 1,
      'Partner Can Deliver': 0.75,
      'Customer Can Self-Serve': 0.5,
    });
    expect(profile.countedStatuses).toEqual(['New', 'Under Review', 'Planned']);
    expect(profile.roleSides['Executive Sponsor']).toBe('Decision');
  });

  it('reads every weight field and falls back per bad field, naming it', () => {
    const { profile, problems } = resolveProfile({
      Influence_High__c: 2,
      Workaround_Self_Serve__c: 1.5,
      Half_Life_Days__c: 90,
      Counted_Statuses__c: 'New;Declined;Delivered',
      Role_Side_Mapping__c: '{"Procurement": "Use", "Other": "Boss"}',
    });
    expect(profile.influence.High).toBe(2);
    expect(profile.workaround['Customer Can Self-Serve']).toBe(0.5);
    expect(profile.halfLifeDays).toBe(90);
    expect(profile.countedStatuses).toEqual(['New', 'Declined']);
    expect(profile.roleSides.Procurement).toBe('Use');
    expect(problems.map((p) => p.field)).toEqual([
      'Workaround_Self_Serve__c',
      'Counted_Statuses__c',
      'Role_Side_Mapping__c',
    ]);
  });

  it('round-trips the default record', () => {
    expect(resolveProfile(defaultProfileRecord())).toEqual(resolveProfile(null));
  });

  it('covers every default with a range and a weight or number field', () => {
    const mapped = [
      ...Object.values(WEIGHT_FIELDS).flatMap((f) => Object.values(f)),
      ...Object.values(NUMBER_FIELDS),
    ].sort();
    expect(mapped).toEqual(Object.keys(DEFAULTS).sort());
    expect(Object.keys(RANGES).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });
});

describe('sideOf and statuses', () => {
  it('puts a veto holder on the Decision side and unmapped roles on Unknown', () => {
    expect(sideOf('End User', true)).toBe('Decision');
    expect(sideOf('End User', false)).toBe('Use');
    expect(sideOf('Other', false)).toBe('Unknown');
    expect(sideOf(null, false)).toBe('Unknown');
    expect(sideOf('Procurement', false, { Procurement: 'Use' })).toBe('Use');
  });

  it('never lets Delivered count', () => {
    expect(checkCountedStatuses(['New', 'Declined'])).toBeNull();
    expect(checkCountedStatuses(['New', 'Delivered'])).toBe('statuses');
    expect(checkCountedStatuses([])).toBe('statuses');
    expect(countedStatusesOf('')).toEqual([...DEFAULT_COUNTED_STATUSES]);
  });
});
