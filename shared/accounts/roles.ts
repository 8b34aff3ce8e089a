/**
 * Who may do what. The administrator manages accounts, reference data, templates, backups and restore, and
 * transfers between PCs; a caseworker works cases. Main enforces the channels it serves (ADMIN_CHANNELS in
 * electron/main/accounts/guard.ts); the page hides what a role may not use.
 */
export const ROLES = ['admin', 'caseworker'] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ABILITIES = ['accounts', 'reference', 'templates', 'backups', 'transfer'] as const;
export type Ability = (typeof ADMIN_ABILITIES)[number] | 'cases';

export function can(role: Role, ability: Ability): boolean {
  return ability === 'cases' || role === 'admin';
}

/** Idle minutes before the app locks, set by the administrator. */
export const DEFAULT_IDLE_MINUTES = 10;
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 120;

/**
 * Wait before the next sign-in attempt after `failures` wrong passwords in a row: the first three are free
 * (typos), then 5 s, 10 s, 20 s … doubling up to 15 minutes. Kept per account and across restarts.
 */
export function lockoutDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(5_000 * 2 ** (failures - 3), 15 * 60_000);
}
