/**
 * The standard objects and fields Quorum refers to, since force-app holds no metadata for them.
 * Types use the CustomField vocabulary. `relationship` names the relationship of a lookup
 * (Account.Owner for OwnerId). `permissionable` is false for fields that field-level security does
 * not cover (a permission set must not name them); `required` fields are always editable and must
 * not appear in a permission set either.
 */
export interface StandardField {
  readonly type: string;
  readonly referenceTo?: string;
  readonly relationship?: string;
  readonly required?: boolean;
  readonly permissionable?: boolean;
}

const sys = {
  Id: { type: 'Id', permissionable: false },
  CreatedDate: { type: 'DateTime', permissionable: false },
  CreatedById: {
    type: 'Lookup',
    referenceTo: 'User',
    relationship: 'CreatedBy',
    permissionable: false,
  },
  LastModifiedDate: { type: 'DateTime', permissionable: false },
  LastModifiedById: {
    type: 'Lookup',
    referenceTo: 'User',
    relationship: 'LastModifiedBy',
    permissionable: false,
  },
  SystemModstamp: { type: 'DateTime', permissionable: false },
  IsDeleted: { type: 'Checkbox', permissionable: false },
} as const satisfies Record<string, StandardField>;

const owner = {
  OwnerId: { type: 'Lookup', referenceTo: 'User', relationship: 'Owner', permissionable: false },
} as const satisfies Record<string, StandardField>;

function address(prefix: string): Record<string, StandardField> {
  return {
    [`${prefix}Address`]: { type: 'Address' },
    [`${prefix}Street`]: { type: 'TextArea', permissionable: false },
    [`${prefix}City`]: { type: 'Text', permissionable: false },
    [`${prefix}State`]: { type: 'Text', permissionable: false },
    [`${prefix}PostalCode`]: { type: 'Text', permissionable: false },
    [`${prefix}Country`]: { type: 'Text', permissionable: false },
  };
}

export const STANDARD_OBJECTS: Readonly<Record<string, Readonly<Record<string, StandardField>>>> = {
  Account: {
    ...sys,
    ...owner,
    Name: { type: 'Text', required: true },
    AccountNumber: { type: 'Text' },
    Type: { type: 'Picklist' },
    Industry: { type: 'Picklist' },
    NumberOfEmployees: { type: 'Number' },
    AnnualRevenue: { type: 'Currency' },
    Ownership: { type: 'Picklist' },
    Rating: { type: 'Picklist' },
    Phone: { type: 'Phone' },
    Website: { type: 'Url' },
    Description: { type: 'LongTextArea' },
    Sic: { type: 'Text' },
    ParentId: { type: 'Lookup', referenceTo: 'Account', relationship: 'Parent' },
    ...address('Billing'),
    ...address('Shipping'),
  },
  Contact: {
    ...sys,
    ...owner,
    Name: { type: 'Text', permissionable: false },
    FirstName: { type: 'Text', permissionable: false },
    LastName: { type: 'Text', required: true },
    AccountId: { type: 'Lookup', referenceTo: 'Account', relationship: 'Account' },
    Title: { type: 'Text' },
    Department: { type: 'Text' },
    Email: { type: 'Email' },
    Phone: { type: 'Phone' },
    MobilePhone: { type: 'Phone' },
    ReportsToId: { type: 'Lookup', referenceTo: 'Contact', relationship: 'ReportsTo' },
    LeadSource: { type: 'Picklist' },
    Description: { type: 'LongTextArea' },
    ...address('Mailing'),
  },
  Opportunity: {
    ...sys,
    ...owner,
    Name: { type: 'Text', required: true },
    AccountId: { type: 'Lookup', referenceTo: 'Account', relationship: 'Account' },
    Amount: { type: 'Currency' },
    StageName: { type: 'Picklist', required: true },
    CloseDate: { type: 'Date', required: true },
    Probability: { type: 'Percent' },
    Type: { type: 'Picklist' },
    LeadSource: { type: 'Picklist' },
    NextStep: { type: 'Text' },
    Description: { type: 'LongTextArea' },
    ForecastCategoryName: { type: 'Picklist' },
    IsClosed: { type: 'Checkbox', permissionable: false },
    IsWon: { type: 'Checkbox', permissionable: false },
  },
  OpportunityContactRole: {
    ...sys,
    OpportunityId: {
      type: 'Lookup',
      referenceTo: 'Opportunity',
      relationship: 'Opportunity',
      required: true,
    },
    ContactId: { type: 'Lookup', referenceTo: 'Contact', relationship: 'Contact', required: true },
    // Contact roles have no field-level security of their own: access follows the opportunity.
    Role: { type: 'Picklist', permissionable: false },
    IsPrimary: { type: 'Checkbox', permissionable: false },
  },
  User: {
    ...sys,
    Name: { type: 'Text', permissionable: false },
    FirstName: { type: 'Text', permissionable: false },
    LastName: { type: 'Text', required: true },
    Alias: { type: 'Text', required: true },
    Email: { type: 'Email', required: true },
    Username: { type: 'Text', required: true },
    Title: { type: 'Text' },
    IsActive: { type: 'Checkbox' },
    SmallPhotoUrl: { type: 'Url', permissionable: false },
  },
};

/** Standard objects without object permissions of their own (access follows a parent). */
export const OBJECTS_WITHOUT_PERMISSIONS: ReadonlySet<string> = new Set(['OpportunityContactRole']);

/** Fields every custom object has without a field file. */
export const CUSTOM_OBJECT_SYSTEM_FIELDS: Readonly<Record<string, StandardField>> = {
  ...sys,
  ...owner,
  LastActivityDate: { type: 'Date', permissionable: false },
  LastViewedDate: { type: 'DateTime', permissionable: false },
  LastReferencedDate: { type: 'DateTime', permissionable: false },
};

/** Column and filter names list views use for standard fields of custom objects. */
export const LIST_VIEW_STANDARD_COLUMNS: ReadonlySet<string> = new Set([
  'NAME',
  'CREATED_DATE',
  'CREATEDBY_USER',
  'CREATEDBY_USER.ALIAS',
  'LAST_UPDATE',
  'UPDATEDBY_USER',
  'UPDATEDBY_USER.ALIAS',
  'LAST_ACTIVITY',
  'OWNER.ALIAS',
  'OWNER.FIRST_NAME',
  'OWNER.LAST_NAME',
  'CORE.USERS.ALIAS',
  'CORE.USERS.FIRST_NAME',
  'CORE.USERS.LAST_NAME',
  'RECORDTYPE',
]);

/** Valid `<target>` names in a Lightning web component's js-meta.xml. */
export const LWC_TARGETS: ReadonlySet<string> = new Set([
  'analytics__Dashboard',
  'lightning__AppPage',
  'lightning__ChatMessage',
  'lightning__Dashboard',
  'lightning__FlowAction',
  'lightning__FlowScreen',
  'lightning__GlobalAction',
  'lightning__HomePage',
  'lightning__Inbox',
  'lightning__RecordAction',
  'lightning__RecordPage',
  'lightning__Tab',
  'lightning__UrlAddressable',
  'lightning__UtilityBar',
  'lightning__VoiceExtension',
  'lightning__EnablementProgram',
  'lightning__AgentforceInput',
  'lightning__AgentforceOutput',
  'lightning__ServiceCloudVoiceToolkitApi',
  'lightningCommunity__Default',
  'lightningCommunity__Page',
  'lightningCommunity__Page_Layout',
  'lightningCommunity__Theme_Layout',
  'lightningSnapin__ChatHeader',
  'lightningSnapin__ChatMessage',
  'lightningSnapin__Minimized',
  'lightningSnapin__PreChat',
  'lightningStatic__Email',
]);

/** CustomField types the Metadata API accepts. */
export const FIELD_TYPES: ReadonlySet<string> = new Set([
  'AutoNumber',
  'Checkbox',
  'Currency',
  'Date',
  'DateTime',
  'Email',
  'EncryptedText',
  'ExternalLookup',
  'Hierarchy',
  'Html',
  'IndirectLookup',
  'Location',
  'LongTextArea',
  'Lookup',
  'MasterDetail',
  'MetadataRelationship',
  'MultiselectPicklist',
  'Number',
  'Percent',
  'Phone',
  'Picklist',
  'Summary',
  'Text',
  'TextArea',
  'Time',
  'Url',
]);

/** The FilterOperation values a list view's or a report's filter may use (Metadata API). */
export const FILTER_OPERATIONS: ReadonlySet<string> = new Set([
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
  'within',
]);
