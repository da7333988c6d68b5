/** The demo org's sales-ops configuration: segments with criteria (one invalid) and the scoring profile. */
import { defaultProfileRecord } from '../../../force-app/main/default/lwc/quorumProfile/quorumProfile';
import type { Store } from '../store/store';

export function seedSegmentsAndProfile(store: Store): void {
  const segments: Array<{
    name: string;
    description: string;
    priority: number;
    active: boolean;
    logic: string | null;
    criteria: Array<[string, string, string | null]>;
  }> = [
    {
      name: 'Enterprise banks',
      description: 'Banks with 5,000 or more employees.',
      priority: 10,
      active: true,
      logic: null,
      criteria: [
        ['Industry', 'equals', 'Banking'],
        ['NumberOfEmployees', 'greater or equal', '5000'],
      ],
    },
    {
      name: 'Insurers',
      description: 'Insurance companies of every size.',
      priority: 20,
      active: true,
      logic: null,
      criteria: [['Industry', 'equals', 'Insurance']],
    },
    {
      name: 'APAC',
      description: 'Accounts billed in Asia-Pacific.',
      priority: 30,
      active: true,
      logic: null,
      criteria: [['BillingCountry', 'in', 'China,Japan,Singapore,Australia,India']],
    },
    {
      name: 'Healthcare and public sector',
      description: 'Regulated, compliance-heavy buyers.',
      priority: 40,
      active: true,
      logic: '1 OR 2',
      criteria: [
        ['Industry', 'equals', 'Healthcare'],
        ['Industry', 'in', 'Public Sector,Government'],
      ],
    },
    {
      name: 'Mid-market',
      description: '200 to 4,999 employees, outside the segments above.',
      priority: 50,
      active: true,
      logic: '1 AND 2',
      criteria: [
        ['NumberOfEmployees', 'greater or equal', '200'],
        ['NumberOfEmployees', 'less than', '5000'],
      ],
    },
    {
      name: 'Tech scale-ups (draft)',
      description: 'Draft rule with a broken filter logic: shows how an invalid segment looks.',
      priority: 60,
      active: true,
      logic: '1 AND (2 OR',
      criteria: [
        ['Industry', 'equals', 'Technology'],
        ['NumberOfEmployees', 'less than', '1000'],
        ['AnnualRevenue', 'greater than', '50000000'],
      ],
    },
  ];
  const segRows = store.load(
    'Segment__c',
    segments.map((s) => ({
      Name: s.name,
      Description__c: s.description,
      Priority__c: s.priority,
      Active__c: s.active,
      Filter_Logic__c: s.logic,
    })),
  );
  store.load(
    'Segment_Criterion__c',
    segments.flatMap((s, i) =>
      s.criteria.map(([field, operator, value], k) => ({
        Segment__c: segRows[i].Id,
        Number__c: k + 1,
        Field__c: field,
        Operator__c: operator,
        Value__c: value,
      })),
    ),
  );
  store.load('Demand_Scoring_Profile__c', [
    {
      Name: 'Default',
      Description__c: 'The built-in defaults; tune with care.',
      Active__c: true,
      // The built-in weights, statuses and role → side map, from the module the Scoring
      // Profile editor and the service share.
      ...defaultProfileRecord(),
    },
  ]);
}
