/**
 * The scoring profile's numbers grouped as the scoring model explains them. The fields, their
 * defaults and ranges are those of the shared profile module (c/quorumProfile, also read by the
 * service and the emulator); the schema imports make the platform check each field exists.
 */
import URGENCY_CRITICAL from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_Critical__c';
import URGENCY_HIGH from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_High__c';
import URGENCY_MEDIUM from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_Medium__c';
import URGENCY_LOW from '@salesforce/schema/Demand_Scoring_Profile__c.Urgency_Low__c';
import SOURCE_ACCOUNT_TEAM from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Account_Team__c';
import SOURCE_INSIDE_SALES from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Inside_Sales__c';
import SOURCE_CUSTOMER_SUCCESS from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Customer_Success__c';
import SOURCE_SUPPORT from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Support__c';
import SOURCE_PARTNER from '@salesforce/schema/Demand_Scoring_Profile__c.Source_Partner__c';
import SIDE_DECISION from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Decision__c';
import SIDE_INFLUENCE from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Influence__c';
import SIDE_USE from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Use__c';
import SIDE_UNKNOWN from '@salesforce/schema/Demand_Scoring_Profile__c.Side_Unknown__c';
import INFLUENCE_HIGH from '@salesforce/schema/Demand_Scoring_Profile__c.Influence_High__c';
import INFLUENCE_MEDIUM from '@salesforce/schema/Demand_Scoring_Profile__c.Influence_Medium__c';
import INFLUENCE_LOW from '@salesforce/schema/Demand_Scoring_Profile__c.Influence_Low__c';
import INFLUENCE_UNKNOWN from '@salesforce/schema/Demand_Scoring_Profile__c.Influence_Unknown__c';
import WORKAROUND_NONE from '@salesforce/schema/Demand_Scoring_Profile__c.Workaround_None__c';
import WORKAROUND_PARTNER from '@salesforce/schema/Demand_Scoring_Profile__c.Workaround_Partner__c';
import WORKAROUND_SELF_SERVE from '@salesforce/schema/Demand_Scoring_Profile__c.Workaround_Self_Serve__c';
import DEAL_BLOCKER_FACTOR from '@salesforce/schema/Demand_Scoring_Profile__c.Deal_Blocker_Factor__c';
import HALF_LIFE_DAYS from '@salesforce/schema/Demand_Scoring_Profile__c.Half_Life_Days__c';
import DECAY_FLOOR from '@salesforce/schema/Demand_Scoring_Profile__c.Decay_Floor__c';
import REVENUE_WEIGHT from '@salesforce/schema/Demand_Scoring_Profile__c.Revenue_Weight__c';
import REFERENCE_REVENUE from '@salesforce/schema/Demand_Scoring_Profile__c.Reference_Revenue__c';
import ACCOUNT_VOICE_CAP from '@salesforce/schema/Demand_Scoring_Profile__c.Account_Voice_Cap__c';
import QUORUM_SIZE from '@salesforce/schema/Demand_Scoring_Profile__c.Quorum_Size__c';
import GROUP_URGENCY from '@salesforce/label/c.Quorum_Profile_GroupUrgency';
import GROUP_SOURCE from '@salesforce/label/c.Quorum_Profile_GroupSource';
import GROUP_SIDE from '@salesforce/label/c.Quorum_Profile_GroupSide';
import GROUP_INFLUENCE from '@salesforce/label/c.Quorum_Profile_GroupInfluence';
import GROUP_WORKAROUND from '@salesforce/label/c.Quorum_Profile_GroupWorkaround';
import GROUP_REQUEST from '@salesforce/label/c.Quorum_Profile_GroupRequest';
import GROUP_VOICE from '@salesforce/label/c.Quorum_Profile_GroupVoice';

const names = (...fields) => fields.map((field) => field.fieldApiName);

/**
 * The groups of the form: key, legend, field API names in reading order. A test checks that
 * together they are exactly the weight and number fields of c/quorumProfile.
 */
export const GROUPS = Object.freeze([
  {
    key: 'urgency',
    legend: GROUP_URGENCY,
    fields: names(URGENCY_CRITICAL, URGENCY_HIGH, URGENCY_MEDIUM, URGENCY_LOW),
  },
  {
    key: 'source',
    legend: GROUP_SOURCE,
    fields: names(
      SOURCE_ACCOUNT_TEAM,
      SOURCE_INSIDE_SALES,
      SOURCE_CUSTOMER_SUCCESS,
      SOURCE_SUPPORT,
      SOURCE_PARTNER,
    ),
  },
  {
    key: 'side',
    legend: GROUP_SIDE,
    fields: names(SIDE_DECISION, SIDE_INFLUENCE, SIDE_USE, SIDE_UNKNOWN),
  },
  {
    key: 'influence',
    legend: GROUP_INFLUENCE,
    fields: names(INFLUENCE_HIGH, INFLUENCE_MEDIUM, INFLUENCE_LOW, INFLUENCE_UNKNOWN),
  },
  {
    key: 'workaround',
    legend: GROUP_WORKAROUND,
    fields: names(WORKAROUND_NONE, WORKAROUND_PARTNER, WORKAROUND_SELF_SERVE),
  },
  {
    key: 'request',
    legend: GROUP_REQUEST,
    fields: names(DEAL_BLOCKER_FACTOR, HALF_LIFE_DAYS, DECAY_FLOOR),
  },
  {
    key: 'voice',
    legend: GROUP_VOICE,
    fields: names(REVENUE_WEIGHT, REFERENCE_REVENUE, ACCOUNT_VOICE_CAP, QUORUM_SIZE),
  },
]);

/** Every number field of the form. */
export const PROFILE_NUMBER_FIELDS = Object.freeze(GROUPS.flatMap((group) => group.fields));
