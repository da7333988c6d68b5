/**
 * The committee read of c/buyingCommittee: the query (the opportunity id travels as a variable)
 * and its rows flattened into the member shape coverage.js works on.
 */
import { gql } from 'lightning/graphql';
import { displayOf, valueOf } from 'c/graphqlNodes';
import CONTACT_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Contact__c';
import ROLE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Role__c';
import INFLUENCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Influence__c';
import STANCE_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Stance__c';
import VETO_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Has_Veto__c';
import NOTES_FIELD from '@salesforce/schema/Buying_Committee_Member__c.Notes__c';
import CONTACT_NAME_FIELD from '@salesforce/schema/Contact.Name';
import CONTACT_TITLE_FIELD from '@salesforce/schema/Contact.Title';
import CONTACT_REPORTS_TO_FIELD from '@salesforce/schema/Contact.ReportsToId';

// The committee of one opportunity. User values (the opportunity id) travel as variables only.
export const COMMITTEE_QUERY = gql`
  query committee($opportunityId: ID) {
    uiapi {
      query {
        Buying_Committee_Member__c(
          where: { Opportunity__c: { eq: $opportunityId } }
          first: 200
          orderBy: { CreatedDate: { order: ASC } }
        ) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Role__c {
                value
                displayValue
              }
              Influence__c {
                value
                displayValue
              }
              Stance__c {
                value
                displayValue
              }
              Has_Veto__c {
                value
              }
              Notes__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
                Title {
                  value
                }
                ReportsToId {
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * A GraphQL committee row flattened into the member shape coverage.js works on.
 * @param {Object} node
 * @returns {Object}
 */
export function toMember(node) {
  const contact = node.Contact__r || {};
  return {
    id: node.Id,
    contactId: valueOf(node[CONTACT_FIELD.fieldApiName]),
    name: valueOf(contact[CONTACT_NAME_FIELD.fieldApiName]),
    title: valueOf(contact[CONTACT_TITLE_FIELD.fieldApiName]),
    reportsToId: valueOf(contact[CONTACT_REPORTS_TO_FIELD.fieldApiName]),
    role: valueOf(node[ROLE_FIELD.fieldApiName]),
    roleLabel: displayOf(node[ROLE_FIELD.fieldApiName]),
    influence: valueOf(node[INFLUENCE_FIELD.fieldApiName]),
    influenceLabel: displayOf(node[INFLUENCE_FIELD.fieldApiName]),
    stance: valueOf(node[STANCE_FIELD.fieldApiName]),
    stanceLabel: displayOf(node[STANCE_FIELD.fieldApiName]),
    hasVeto: valueOf(node[VETO_FIELD.fieldApiName]) === true,
    notes: valueOf(node[NOTES_FIELD.fieldApiName]),
  };
}
