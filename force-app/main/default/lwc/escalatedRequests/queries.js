/**
 * The GraphQL reads of the escalated requests list. Query texts are constants: every value that
 * comes from the page or a person (record ids) travels as a variable.
 */
import { gql } from 'lightning/graphql';

/** An account's requests, newest ask first, with what the tile and the editor need. */
export const REQUESTS_QUERY = gql`
  query accountRequests($accountId: ID) {
    uiapi {
      query {
        Escalated_Request__c(
          where: { Account__c: { eq: $accountId } }
          first: 200
          orderBy: { CreatedDate: { order: DESC } }
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Description__c {
                value
              }
              Opportunity__c {
                value
              }
              Status__c {
                value
                displayValue
              }
              Urgency__c {
                value
                displayValue
              }
              Needed_By__c {
                value
              }
              Asked_On__c {
                value
              }
              Theme__c {
                value
              }
              Theme__r {
                Name {
                  value
                }
                Status__c {
                  value
                  displayValue
                }
              }
              Suggested_Theme__c {
                value
              }
              Suggested_Theme__r {
                Name {
                  value
                }
                Status__c {
                  value
                }
              }
              Suggestion_Reason__c {
                value
              }
              Segment__c {
                value
              }
              Requested_By__c {
                value
              }
              Requested_By__r {
                Name {
                  value
                }
              }
              Revenue_At_Stake__c {
                value
              }
              Deal_Blocker__c {
                value
              }
              Source__c {
                value
              }
              Workaround__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** The service writes one score per (segment, theme) and one per theme over all accounts. */
export const SIGNALS_QUERY = gql`
  query themeSignals($themeIds: [ID], $segmentIds: [ID]) {
    uiapi {
      query {
        Segment_Demand_Score__c(
          where: {
            and: [
              { Theme__c: { in: $themeIds } }
              { or: [{ Segment__c: { in: $segmentIds } }, { Segment__c: { eq: null } }] }
            ]
          }
          first: 2000
        ) {
          edges {
            node {
              Id
              Theme__c {
                value
              }
              Segment__c {
                value
              }
              Segment__r {
                Name {
                  value
                }
              }
              Score__c {
                value
              }
              Rank__c {
                value
              }
              Account_Count__c {
                value
              }
              Quorum_Reached__c {
                value
              }
              Theme_Status__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** Who can be "requested by": committee members matching a filter (see committeeWhere). */
export const COMMITTEE_QUERY = gql`
  query committeeMembers($where: Buying_Committee_Member__c_Filter) {
    uiapi {
      query {
        Buying_Committee_Member__c(where: $where, first: 200) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
              }
              Role__c {
                value
                displayValue
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * The committee filter: on an opportunity page that opportunity's committee, on an account page
 * the committees of all the account's opportunities.
 * @param {{opportunityId?: string, accountId?: string}} where
 * @returns {Object|undefined} a Buying_Committee_Member__c_Filter, passed as a variable
 */
export function committeeWhere({ opportunityId, accountId }) {
  if (opportunityId) {
    return { Opportunity__c: { eq: opportunityId } };
  }
  return accountId ? { Opportunity__r: { AccountId: { eq: accountId } } } : undefined;
}
