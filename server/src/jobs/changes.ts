/** Kept for jobs/runner.ts's import: the change check lives with Quorum's org I/O (quorumOrg). */
export { changedSince, WATCHED_OBJECTS } from '../quorumOrg/changes';
