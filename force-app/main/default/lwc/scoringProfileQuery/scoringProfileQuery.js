/** The scoring profile the service uses: the active one changed last (editor and drill-down). */
import { gql } from 'lightning/graphql';

export const PROFILE_QUERY = gql`
  query activeScoringProfile {
    uiapi {
      query {
        Demand_Scoring_Profile__c(
          where: { Active__c: { eq: true } }
          orderBy: { LastModifiedDate: { order: DESC } }
          first: 1
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
              Active__c {
                value
              }
              Counted_Statuses__c {
                value
              }
              Role_Side_Mapping__c {
                value
              }
              Urgency_Critical__c {
                value
              }
              Urgency_High__c {
                value
              }
              Urgency_Medium__c {
                value
              }
              Urgency_Low__c {
                value
              }
              Source_Account_Team__c {
                value
              }
              Source_Inside_Sales__c {
                value
              }
              Source_Customer_Success__c {
                value
              }
              Source_Support__c {
                value
              }
              Source_Partner__c {
                value
              }
              Side_Decision__c {
                value
              }
              Side_Influence__c {
                value
              }
              Side_Use__c {
                value
              }
              Side_Unknown__c {
                value
              }
              Influence_High__c {
                value
              }
              Influence_Medium__c {
                value
              }
              Influence_Low__c {
                value
              }
              Influence_Unknown__c {
                value
              }
              Workaround_None__c {
                value
              }
              Workaround_Partner__c {
                value
              }
              Workaround_Self_Serve__c {
                value
              }
              Deal_Blocker_Factor__c {
                value
              }
              Half_Life_Days__c {
                value
              }
              Decay_Floor__c {
                value
              }
              Revenue_Weight__c {
                value
              }
              Reference_Revenue__c {
                value
              }
              Account_Voice_Cap__c {
                value
              }
              Quorum_Size__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
