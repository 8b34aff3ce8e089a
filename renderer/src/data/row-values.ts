/**
 * The value lists and sentinels of the stored rows that screens use as values (menus, filters, «no deadline»).
 * They live apart from schema.ts so a screen can have them without importing the database module (features
 * import the schema's types only); schema.ts re-exports them for the data layer.
 */

/**
 * Acts that change no row but are recorded (who looked at or took out what): opening a case, exports, prints and
 * opening a PDF in the viewer, backups, restores, transfers, and a PC joining or leaving the mission's sync. Written by
 * recordAct (audit.repo.ts).
 */
export const ACT_ACTIONS = ['open', 'export', 'print', 'view', 'backup', 'restore', 'transfer_out', 'transfer_in', 'sync_join', 'sync_leave'] as const;

// Defined with the check form's schema in shared/.
export { CHECK_CHANNELS } from '../../../shared/deadlines/check-schema';

export const NO_DEADLINE = '9999-12-31';

/** What the case list sorts by. `sortName` is computed in memory from the person (schema.ts: INDEXED_SORT_FIELDS). */
export const CASE_SORT_FIELDS = ['updatedAt', 'createdAt', 'sortName', 'nextDeadline'] as const;
export const CASE_FILTER_FIELDS = ['status', 'region', 'missionId', 'caseworker'] as const;
