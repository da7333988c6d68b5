import { routeOf } from '../../src/salesforce/transport';

describe('routeOf (calls by route in the run log)', () => {
  it.each([
    ['/services/data/v62.0/query/01g8d0000000008QAA-2000', 'query/:id'],
    [
      'https://x.my.salesforce.com/services/data/v62.0/sobjects/Demand_Run__c/Lock_Key__c/REQ-95889b84-0b35',
      'sobjects/Demand_Run__c/Lock_Key__c/:id',
    ],
    [
      '/services/data/v62.0/jobs/query/750000000000001AAA/results?locator=MTAwMDA&maxRecords=50000',
      'jobs/query/:id/results',
    ],
    [
      '/services/data/v62.0/composite/sobjects/Demand_Theme__c/Theme_Key__c',
      'composite/sobjects/Demand_Theme__c/Theme_Key__c',
    ],
    ['/services/data/v62.0/sobjects/Account/describe', 'sobjects/Account/describe'],
  ])('%s → %s', (url, route) => {
    expect(routeOf(url)).toBe(route);
  });
});
