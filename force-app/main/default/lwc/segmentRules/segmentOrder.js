/**
 * Priority arithmetic for the segment list (lower Priority__c wins). Kept pure for tests.
 */

/** Spacing between priorities, so an admin can still slot a segment in by hand. */
export const PRIORITY_STEP = 10;

/**
 * Moves the segment at `index` by `delta` (-1 up, +1 down) and returns the Priority__c updates
 * that make the new order explicit: every segment gets (position + 1) × 10, and only segments
 * whose priority changes are written.
 * @param {{id: string, priority: number|null}[]} segments in display order
 * @returns {{id: string, priority: number}[]}
 */
export function reorderUpdates(segments, index, delta) {
  const target = index + delta;
  if (target < 0 || target >= segments.length) {
    return [];
  }
  const order = [...segments];
  [order[index], order[target]] = [order[target], order[index]];
  return order
    .map((segment, position) => ({
      id: segment.id,
      priority: (position + 1) * PRIORITY_STEP,
      before: segment.priority,
    }))
    .filter((u) => u.priority !== u.before)
    .map(({ id, priority }) => ({ id, priority }));
}

/** The priority of a segment added at the end of the list. */
export function nextPriority(segments) {
  const max = segments.reduce(
    (m, s) => Math.max(m, typeof s.priority === 'number' ? s.priority : 0),
    0,
  );
  return (Math.floor(max / PRIORITY_STEP) + 1) * PRIORITY_STEP;
}
