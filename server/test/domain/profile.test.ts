import { DEFAULT_PROFILE, resolveProfile } from '../../src/domain';

describe('resolveProfile', () => {
  it('gives the documented defaults (docs/SCORING.md) for no record and for blank fields', () => {
    expect(resolveProfile(null)).toEqual({ profile: DEFAULT_PROFILE, errors: [] });
    const { profile, errors } = resolveProfile({
      Urgency_Critical__c: null,
      Half_Life_Days__c: '',
      Counted_Statuses__c: null,
      Role_Side_Mapping__c: ' ',
    });
    expect(errors).toEqual([]);
    expect(profile).toEqual(DEFAULT_PROFILE);
    expect(profile.countedStatuses).toEqual(['New', 'Under Review', 'Planned']);
    expect(profile.roleSides['Economic Decision Maker']).toBe('Decision');
    expect(profile.roleSides['Business User']).toBe('Use');
    expect(profile.roleSides.Other).toBeUndefined();
  });

  it('reads every field', () => {
    const { profile, errors } = resolveProfile({
      Urgency_Critical__c: 3,
      Urgency_High__c: 2,
      Urgency_Medium__c: 1.1,
      Urgency_Low__c: 0.2,
      Source_Account_Team__c: 0.9,
      Source_Inside_Sales__c: 1.4,
      Source_Customer_Success__c: 1.1,
      Source_Support__c: 1.3,
      Source_Partner__c: 0.5,
      Side_Decision__c: 2,
      Side_Influence__c: 1.3,
      Side_Use__c: 0.8,
      Side_Unknown__c: 0.7,
      Deal_Blocker_Factor__c: 2,
      Half_Life_Days__c: 180,
      Decay_Floor__c: 0.1,
      Revenue_Weight__c: 1,
      Reference_Revenue__c: 50000,
      Account_Voice_Cap__c: 5,
      Quorum_Size__c: 4,
      Influence_Low__c: 0.5,
      Workaround_Partner__c: 0.9,
      Counted_Statuses__c: 'New;Under Review',
      Role_Side_Mapping__c: '{"Procurement":"decision","Champion":"Influence"}',
    });
    expect(errors).toEqual([]);
    expect(profile).toMatchObject({
      urgency: { Critical: 3, High: 2, Medium: 1.1, Low: 0.2 },
      source: {
        'Account Team': 0.9,
        'Inside Sales': 1.4,
        'Customer Success': 1.1,
        Support: 1.3,
        Partner: 0.5,
      },
      side: { Decision: 2, Influence: 1.3, Use: 0.8, Unknown: 0.7 },
      dealBlockerFactor: 2,
      halfLifeDays: 180,
      decayFloor: 0.1,
      revenueWeight: 1,
      referenceRevenue: 50000,
      accountVoiceCap: 5,
      quorumSize: 4,
      countedStatuses: ['New', 'Under Review'],
    });
    expect(profile.influence.Low).toBe(0.5);
    expect(profile.workaround['Partner Can Deliver']).toBe(0.9);
    expect(profile.roleSides.Procurement).toBe('Decision');
    expect(profile.roleSides.Champion).toBe('Influence');
    expect(profile.roleSides['End User']).toBe('Use');
  });

  it('lists each out-of-range field and keeps its default', () => {
    const { profile, errors } = resolveProfile({
      Urgency_High__c: -1,
      Decay_Floor__c: 1.5,
      Half_Life_Days__c: 0,
      Reference_Revenue__c: 0,
      Quorum_Size__c: 2.5,
      Account_Voice_Cap__c: 'lots',
      Counted_Statuses__c: 'New;Shipped',
      Role_Side_Mapping__c: '{"Influencer": "Boss"}',
    });
    expect(errors).toEqual([
      "Urgency_High__c: '-1' is out of range; use a weight from 0 to 10 (1 = neutral)",
      "Half_Life_Days__c: '0' is out of range; use a whole number of days from 1 to 3650",
      "Decay_Floor__c: '1.5' is out of range; use a fraction from 0 to 1 (0.25 = old requests keep a quarter of their weight)",
      "Reference_Revenue__c: '0' is out of range; use an amount greater than 0",
      "Account_Voice_Cap__c: 'lots' is out of range; use a number from 1 to 999.999",
      "Quorum_Size__c: '2.5' is out of range; use a whole number of accounts from 1 to 1000",
      "Counted_Statuses__c: 'Shipped' is not a request status; use New, Under Review, Planned, Declined",
      "Role_Side_Mapping__c: role 'Influencer' maps to 'Boss'; use Decision, Influence, Use, Unknown",
    ]);
    expect(profile.urgency.High).toBe(1.5);
    expect(profile.decayFloor).toBe(0.25);
    expect(profile.countedStatuses).toEqual(['New']);
    expect(profile.roleSides.Influencer).toBe('Influence');
  });

  it('explains malformed role mapping JSON', () => {
    expect(resolveProfile({ Role_Side_Mapping__c: '{oops' }).errors).toEqual([
      'Role_Side_Mapping__c: not a JSON object; write e.g. {"Influencer": "Decision", "Procurement": "Use"}',
    ]);
    expect(resolveProfile({ Role_Side_Mapping__c: '["Decision"]' }).errors).toEqual([
      'Role_Side_Mapping__c: not a JSON object; write e.g. {"Influencer": "Decision", "Procurement": "Use"}',
    ]);
  });
});
