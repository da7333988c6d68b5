/** Schema as code for Quorum: objects, fields, picklists and record schemas. */
export * from './picklists';
export * from './objects';
export * from './records';
export type * from './inputs';
