/**
 * Built-in definitions of the standard objects the service reads (an org has them without any
 * metadata in force-app). Values follow a default Enterprise org; Industry also carries
 * "Public Sector" and "Media, Entertainment & Games", as many orgs add such values.
 */
import { CONTACT_ROLES } from '../../src/schema/picklists';
import { makeField as f, makeObject, picklist, type ObjectDef } from './types';

/**
 * A person's name fields (Contact, User): FirstName, LastName and the compound Name, read-only,
 * which the store maintains from the other two.
 */
const personName = () => [
  f({ name: 'FirstName', type: 'string', length: 40, label: 'First Name' }),
  f({ name: 'LastName', type: 'string', length: 80, label: 'Last Name', nillable: false }),
  f({
    name: 'Name',
    type: 'string',
    length: 121,
    label: 'Full Name',
    nameField: true,
    createable: false,
    updateable: false,
    nillable: false,
    defaultedOnCreate: true,
  }),
];

const owner = () =>
  f({
    name: 'OwnerId',
    type: 'reference',
    referenceTo: ['User'],
    relationshipName: 'Owner',
    label: 'Owner ID',
    defaultedOnCreate: true,
  });

export const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Media, Entertainment & Games',
  'Not For Profit',
  'Public Sector',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
];

export const OPPORTUNITY_STAGES: Array<{
  name: string;
  probability: number;
  closed: boolean;
  won: boolean;
}> = [
  { name: 'Prospecting', probability: 10, closed: false, won: false },
  { name: 'Qualification', probability: 10, closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, closed: false, won: false },
  { name: 'Value Proposition', probability: 50, closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, closed: false, won: false },
  { name: 'Proposal/Price Quote', probability: 75, closed: false, won: false },
  { name: 'Negotiation/Review', probability: 90, closed: false, won: false },
  { name: 'Closed Won', probability: 100, closed: true, won: true },
  { name: 'Closed Lost', probability: 0, closed: true, won: false },
];

const address = (prefix: string) => [
  f({ name: `${prefix}Street`, type: 'textarea' }),
  f({ name: `${prefix}City`, type: 'string', length: 40 }),
  f({ name: `${prefix}State`, type: 'string', length: 80 }),
  f({ name: `${prefix}PostalCode`, type: 'string', length: 20 }),
  f({ name: `${prefix}Country`, type: 'string', length: 80 }),
];

function account(): ObjectDef {
  return makeObject('Account', '001', [
    f({ name: 'Name', type: 'string', label: 'Account Name', nillable: false, nameField: true }),
    f({
      name: 'Type',
      type: 'picklist',
      label: 'Account Type',
      picklistValues: picklist([
        'Prospect',
        'Customer - Direct',
        'Customer - Channel',
        'Channel Partner / Reseller',
        'Installation Partner',
        'Technology Partner',
        'Other',
      ]),
    }),
    f({
      name: 'ParentId',
      childRelationshipName: 'ChildAccounts',
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Parent',
      label: 'Parent Account ID',
    }),
    f({ name: 'Industry', type: 'picklist', picklistValues: picklist(INDUSTRIES) }),
    f({ name: 'NumberOfEmployees', type: 'int', label: 'Employees', precision: 8 }),
    f({ name: 'AnnualRevenue', type: 'currency', label: 'Annual Revenue' }),
    f({
      name: 'Rating',
      type: 'picklist',
      label: 'Account Rating',
      picklistValues: picklist(['Hot', 'Warm', 'Cold']),
    }),
    f({
      name: 'Ownership',
      type: 'picklist',
      picklistValues: picklist(['Public', 'Private', 'Subsidiary', 'Other']),
    }),
    f({ name: 'AccountNumber', type: 'string', length: 40 }),
    f({ name: 'Sic', type: 'string', length: 20, label: 'SIC Code' }),
    f({ name: 'Phone', type: 'phone', label: 'Account Phone' }),
    f({ name: 'Website', type: 'url' }),
    f({ name: 'Description', type: 'textarea', length: 32000 }),
    ...address('Billing'),
    ...address('Shipping'),
    owner(),
  ]);
}

function contact(): ObjectDef {
  return makeObject('Contact', '003', [
    f({
      name: 'AccountId',
      type: 'reference',
      referenceTo: ['Account'],
      label: 'Account ID',
      childRelationshipName: 'Contacts',
    }),
    f({
      name: 'Salutation',
      type: 'picklist',
      picklistValues: picklist(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
    }),
    ...personName(),
    f({ name: 'Title', type: 'string', length: 128 }),
    f({ name: 'Department', type: 'string', length: 80 }),
    f({ name: 'Email', type: 'email' }),
    f({ name: 'Phone', type: 'phone', label: 'Business Phone' }),
    f({
      name: 'ReportsToId',
      type: 'reference',
      referenceTo: ['Contact'],
      label: 'Reports To ID',
      relationshipName: 'ReportsTo',
    }),
    f({
      name: 'LeadSource',
      type: 'picklist',
      picklistValues: picklist([
        'Web',
        'Phone Inquiry',
        'Partner Referral',
        'Purchased List',
        'Other',
      ]),
    }),
    ...address('Mailing'),
    owner(),
  ]);
}

function opportunity(): ObjectDef {
  return makeObject('Opportunity', '006', [
    f({
      name: 'AccountId',
      type: 'reference',
      referenceTo: ['Account'],
      label: 'Account ID',
      childRelationshipName: 'Opportunities',
    }),
    f({ name: 'Name', type: 'string', length: 120, nillable: false, nameField: true }),
    f({ name: 'Description', type: 'textarea', length: 32000 }),
    f({
      name: 'StageName',
      type: 'picklist',
      label: 'Stage',
      nillable: false,
      picklistValues: picklist(OPPORTUNITY_STAGES.map((s) => s.name)),
    }),
    f({ name: 'Amount', type: 'currency' }),
    f({
      name: 'Probability',
      type: 'percent',
      precision: 3,
      label: 'Probability (%)',
      defaultedOnCreate: true,
    }),
    f({ name: 'CloseDate', type: 'date', label: 'Close Date', nillable: false }),
    f({
      name: 'Type',
      type: 'picklist',
      label: 'Opportunity Type',
      picklistValues: picklist([
        'Existing Customer - Upgrade',
        'Existing Customer - Replacement',
        'Existing Customer - Downgrade',
        'New Customer',
      ]),
    }),
    f({
      name: 'LeadSource',
      type: 'picklist',
      picklistValues: picklist([
        'Web',
        'Phone Inquiry',
        'Partner Referral',
        'Purchased List',
        'Other',
      ]),
    }),
    f({ name: 'IsClosed', type: 'boolean', label: 'Closed', createable: false, updateable: false }),
    f({ name: 'IsWon', type: 'boolean', label: 'Won', createable: false, updateable: false }),
    f({
      name: 'ForecastCategoryName',
      type: 'picklist',
      label: 'Forecast Category',
      picklistValues: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']),
    }),
    owner(),
  ]);
}

function contactRole(): ObjectDef {
  return makeObject(
    'OpportunityContactRole',
    '00K',
    [
      f({
        name: 'OpportunityId',
        childRelationshipName: 'OpportunityContactRoles',
        type: 'reference',
        referenceTo: ['Opportunity'],
        label: 'Opportunity ID',
        nillable: false,
        updateable: false,
      }),
      f({
        name: 'ContactId',
        childRelationshipName: 'OpportunityContactRoles',
        type: 'reference',
        referenceTo: ['Contact'],
        label: 'Contact ID',
        nillable: false,
      }),
      f({ name: 'Role', type: 'picklist', picklistValues: picklist(CONTACT_ROLES) }),
      f({ name: 'IsPrimary', type: 'boolean', label: 'Primary' }),
    ],
    { label: 'Opportunity Contact Role' },
  );
}

function user(): ObjectDef {
  return makeObject('User', '005', [
    f({
      name: 'Username',
      type: 'string',
      length: 80,
      nillable: false,
      unique: true,
      idLookup: true,
    }),
    ...personName(),
    f({ name: 'Alias', type: 'string', length: 8 }),
    f({ name: 'Email', type: 'email', nillable: false }),
    f({ name: 'Title', type: 'string', length: 80 }),
    f({ name: 'Department', type: 'string', length: 80 }),
    f({ name: 'IsActive', type: 'boolean', label: 'Active', defaultValue: true }),
  ]);
}

export function standardObjects(): ObjectDef[] {
  return [account(), contact(), opportunity(), contactRole(), user()];
}
