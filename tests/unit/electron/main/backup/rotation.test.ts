import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToRemove, KEEP_DAILY, KEEP_MONTHLY, upgradeBackupFileName } from '../../../../../electron/main/backup/rotation';

/** One backup per day at 18:00 local time for `days` days ending on `last`, plus extra same-day ones. */
function series(last: Date, days: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < days; i++) {
    const at = new Date(last.getFullYear(), last.getMonth(), last.getDate() - i, 18, 0, 0);
    names.push(backupFileName(at));
  }
  return names;
}

describe('backup rotation', () => {
  it('keeps the newest of each of the last 14 days and of each of the last 12 months', () => {
    const names = series(new Date(2026, 10, 25), 800);
    const removed = new Set(backupsToRemove(names));
    const kept = names.filter((n) => !removed.has(n)).sort();
    const days = kept.filter((n) => n >= 'aryz-backup-2026-11-12');
    expect(days).toHaveLength(KEEP_DAILY);
    // The other kept files are month ends (the newest of their month), one per month, 12 months in all.
    const months = new Set(kept.map((n) => n.slice(12, 19)));
    expect(months.size).toBe(KEEP_MONTHLY);
    for (const name of kept.filter((n) => n < 'aryz-backup-2026-11-12')) {
      const [, y, m, d] = /(\d{4})-(\d{2})-(\d{2})/.exec(name)!;
      expect(Number(d)).toBe(new Date(Number(y), Number(m), 0).getDate());
    }
    expect(kept.length).toBe(KEEP_DAILY + KEEP_MONTHLY - 1); // November counts in both
  });

  it('keeps only the newest backup of a day with several', () => {
    const day = [
      backupFileName(new Date(2026, 10, 25, 9, 0, 0)),
      backupFileName(new Date(2026, 10, 25, 12, 30, 5)),
      backupFileName(new Date(2026, 10, 25, 18, 0, 0)),
    ];
    expect(backupsToRemove(day).sort()).toEqual(day.slice(0, 2).sort());
  });

  it('never touches files it did not name, and keeps the last three pre-upgrade backups apart', () => {
    const upgrades = [1, 2, 3, 4].map((d) => upgradeBackupFileName(3, new Date(2026, 0, d, 10, 0, 0)));
    const names = ['notes.txt', 'aryz-backup-2026-11-25.aryzbak', 'photo.jpg', ...upgrades, ...series(new Date(2026, 10, 25), 20)];
    const removed = backupsToRemove(names);
    expect(removed).not.toContain('notes.txt');
    expect(removed).not.toContain('aryz-backup-2026-11-25.aryzbak');
    expect(removed.filter((n) => n.includes('before-upgrade'))).toEqual([upgrades[0]]);
    expect(removed.filter((n) => n.startsWith('aryz-backup-')).length).toBe(20 - KEEP_DAILY - 0);
  });
});
