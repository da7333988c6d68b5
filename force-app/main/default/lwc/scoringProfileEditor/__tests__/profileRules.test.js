import { checkField, checkRoleMapping, DEFAULTS, summaryNumbers } from '../profileRules';

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
      halfLife: 365,
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
