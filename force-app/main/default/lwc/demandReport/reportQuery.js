/**
 * The demand report's one read: the segments for the picker and every score, since the heat
 * map needs them all and the ranked tables are filters of the same rows (at most 2,000
 * theme × segment scores).
 */
import { gql } from 'lightning/graphql';

export const REPORT_QUERY = gql`
  query demandReport {
    uiapi {
      query {
        Segment__c(first: 200, orderBy: { Priority__c: { order: ASC }, Name: { order: ASC } }) {
          edges {
            node {
              Id
              Name {
                value
              }
              Active__c {
                value
              }
              Status__c {
                value
              }
              Status_Message__c {
                value
              }
              Account_Count__c {
                value
              }
            }
          }
        }
        Segment_Demand_Score__c(first: 2000, orderBy: { Score__c: { order: DESC } }) {
          edges {
            node {
              Id
              Score_Key__c {
                value
              }
              Segment__c {
                value
              }
              Theme__c {
                value
              }
              Theme__r {
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
              Segment_Account_Count__c {
                value
              }
              Penetration__c {
                value
              }
              Request_Count__c {
                value
              }
              Revenue_At_Stake__c {
                value
              }
              Decision_Backed_Count__c {
                value
              }
              Deal_Blocker_Count__c {
                value
              }
              Earliest_Needed_By__c {
                value
              }
              Quorum_Reached__c {
                value
              }
              Normalized_Score__c {
                value
              }
              Theme_Status__c {
                value
                displayValue
              }
              Score_Change_90d__c {
                value
              }
              Account_Change_90d__c {
                value
              }
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  }
`;
