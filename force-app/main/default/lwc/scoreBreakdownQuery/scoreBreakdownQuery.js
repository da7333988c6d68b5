/**
 * The one query for a score row's Breakdown__c (its accounts and every factor), wired by the
 * explanation (to explain the score) and the drill-down (to list the accounts it counted).
 * Both ask for the same record with the same document, so Lightning Data Service answers the
 * second from its cache instead of a second request.
 */
import { gql } from 'lightning/graphql';

export const SCORE_BREAKDOWN_QUERY = gql`
  query scoreBreakdown($scoreId: ID) {
    uiapi {
      query {
        Segment_Demand_Score__c(where: { Id: { eq: $scoreId } }, first: 1) {
          edges {
            node {
              Id
              Breakdown__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
