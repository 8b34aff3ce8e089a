/** Backup files this app names itself; anything else in the folder is never touched. */
const DAILY_NAME = /^aryz-backup-(\d{4})-(\d{2})-(\d{2})_(\d{6})\.aryzbak$/;
const UPGRADE_NAME = /^aryz-before-upgrade-v\d+-(\d{4})-(\d{2})-(\d{2})_(\d{6})\.aryzbak$/;

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;
export const KEEP_UPGRADE = 3;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time, so the day in the name is the caseworker's day; sorts chronologically as text. */
function stamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}_${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

export function backupFileName(at: Date): string {
  return `aryz-backup-${stamp(at)}.aryzbak`;
}

/** Taken before a schema upgrade: kept apart from the daily rotation, or the next daily backup would replace it. */
export function upgradeBackupFileName(fromVersion: number, at: Date): string {
  return `aryz-before-upgrade-v${fromVersion}-${stamp(at)}.aryzbak`;
}

/**
 * Which backups to delete: of the daily series keep the newest file of each of the last 14 days that have one, and
 * the newest of each of the last 12 months; of the pre-upgrade series the newest 3. Names decide, not file times:
 * copying a folder to a new stick changes modification times.
 */
export function backupsToRemove(names: readonly string[]): string[] {
  const daily = names.filter((n) => DAILY_NAME.test(n)).sort().reverse();
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const name of daily) {
    const m = DAILY_NAME.exec(name)!;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    const month = `${m[1]}-${m[2]}`;
    if (!days.has(day) && days.size < KEEP_DAILY) {
      days.add(day);
      keep.add(name);
    }
    if (!months.has(month) && months.size < KEEP_MONTHLY) {
      months.add(month);
      keep.add(name);
    }
  }
  const upgrades = names.filter((n) => UPGRADE_NAME.test(n)).sort((a, b) => stampOf(b).localeCompare(stampOf(a)));
  upgrades.slice(0, KEEP_UPGRADE).forEach((name) => keep.add(name));
  return [...daily, ...upgrades].filter((name) => !keep.has(name));
}

function stampOf(upgradeName: string): string {
  const m = UPGRADE_NAME.exec(upgradeName)!;
  return `${m[1]}${m[2]}${m[3]}${m[4]}`;
}
