import { syncCoreState } from './stamps';

/** Letters and digits only, short: it sits inside every case number this PC gives. */
export const CASE_NUMBER_TAG = /^[A-Z0-9]{1,4}$/;

/**
 * The tag a PC without one chosen at joining puts in its case numbers: derived from its id, so it is the same
 * after every restart. Two ids can map to one tag (1 in 1.7 million for a pair); the join screen should hand each
 * PC of a mission its own tag and pass it as `caseNumberTag`.
 */
export function defaultCaseNumberTag(writer: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < writer.length; i++) hash = Math.imul(hash ^ writer.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36).toUpperCase().padStart(4, '0').slice(-4);
}

/**
 * The case-number prefix for `prefix` on this PC. Unchanged on a PC that has not joined a mission; on a joined
 * PC the PC's tag follows the mission's prefix («КР-М-A7-26-00017»), so numbers given offline on two PCs at the
 * same time differ, and each PC keeps its own counter (the counter's key holds the prefix).
 */
export function missionCasePrefix(owner: object, prefix: string): string {
  const state = syncCoreState(owner);
  return state.stamping && state.caseTag ? `${prefix}-${state.caseTag}` : prefix;
}
