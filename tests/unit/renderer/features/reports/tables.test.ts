import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { monthLabel, reportTables, roundDays } from '../../../../../renderer/src/features/reports/tables';
import { toDayNumber } from '../../../../../shared/case/dates';
import { reportDocumentSchema } from '../../../../../shared/ipc/channels/reports';
import { computeReport } from '../../../../../shared/reports/compute';
import type { CaseFacts } from '../../../../../shared/reports/facts';

/** Keys instead of translations, so the test reads which string each header uses. */
const t = ((key: string) => key) as unknown as TFunction;
const day = (iso: string) => toDayNumber(iso);

const facts: CaseFacts[] = [
  { missionId: 'm1', region: 'г. Москва', caseworker: 'Иванов', causeId: 'R-2', reconstructed: false, events: [{ day: day('2025-01-05'), status: 'intake' }, { day: day('2025-02-07'), status: 'excluded' }] },
  { missionId: 'm1', region: 'Тюменская область', caseworker: 'Петрова', causeId: null, reconstructed: false, events: [{ day: day('2025-02-01'), status: 'intake' }] },
];

describe('report tables', () => {
  const report = computeReport(facts, { from: '2025-01', to: '2025-02' });
  const tables = reportTables(report, t, { cause: (id) => `cause ${id}`, mission: (id) => `mission ${id}` });

  it('lays out every table with rows as wide as its columns, which the export channel accepts', () => {
    expect(tables.map((x) => x.id)).toEqual(['months', 'regions', 'causes', 'missions', 'caseworkers', 'days']);
    for (const table of tables) {
      for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) expect(row).toHaveLength(table.columns.length);
    }
    const doc = { title: 'T', missionName: 'M', period: 'P', lines: [], fileName: 'F', language: 'ru', tables: tables.map(({ id: _id, ...rest }) => rest) };
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('writes months as мм.гггг, names groups through the labels and keeps the totals', () => {
    const months = tables[0]!;
    expect(months.rows).toEqual([
      ['01.2025', 1, 0, 0, 0, 0, 0, 1],
      ['02.2025', 1, 1, 0, 0, 0, 0, 1],
    ]);
    expect(months.total).toEqual(['reports.total', 2, 1, 0, 0, 0, 0, 1]);
    expect(tables[2]!.rows.map((r) => r[0])).toEqual(['reports.notDiagnosed', 'cause R-2']);
    expect(tables[3]!.rows.map((r) => r[0])).toEqual(['mission m1']);
    expect(tables[1]!.rows.find((r) => r[0] === 'г. Москва')!.at(-1)).toBe(33);
    expect(tables[5]!.rows).toEqual([
      ['reports.days.count', 1],
      ['reports.days.min', 33],
      ['reports.days.q1', 33],
      ['reports.days.median', 33],
      ['reports.days.q3', 33],
      ['reports.days.max', 33],
    ]);
    expect(monthLabel('2026-11')).toBe('11.2026');
    expect(roundDays(23.25)).toBe(23.3);
  });
});
