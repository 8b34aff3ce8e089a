import type { TFunction } from 'i18next';
import type { ReportTable } from '../../../../shared/ipc/channels/reports';
import { NOT_DIAGNOSED, type GroupRow, type MonthRow, type Report } from '../../../../shared/reports/compute';

/** How group keys read: cause ids become their titles, mission ids their names, the empty cause «not diagnosed». */
export interface GroupLabels {
  cause(id: string): string;
  mission(id: string): string;
}

export type TableId = 'months' | 'regions' | 'causes' | 'missions' | 'caseworkers' | 'days';

/** One table as the screen shows it and the exports write it. */
export interface LabelledTable extends ReportTable {
  id: TableId;
}

const COUNT_KEYS = ['opened', 'excluded', 'refused', 'left_russia', 'closed', 'reopened', 'openAtEnd'] as const;

/** «2025-03» → «03.2025», the way Russian paperwork writes a month. */
export const monthLabel = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

/** Days with at most one decimal (a median of an even count may end in .5, a quartile in .25). */
export const roundDays = (value: number) => Math.round(value * 10) / 10;

/**
 * The report's tables with their headers in the interface language. The screen renders exactly these, and the
 * same objects go to main for the XLSX and PDF, so a file never says something the screen did not.
 */
export function reportTables(report: Report, t: TFunction, labels: GroupLabels): LabelledTable[] {
  const countColumns = COUNT_KEYS.map((k) => ({ label: t(`reports.col.${k}`), numeric: true }));
  const total = report.totals;
  const months: LabelledTable = {
    id: 'months',
    title: t('reports.table.months'),
    columns: [{ label: t('reports.col.month'), numeric: false }, ...countColumns],
    rows: report.months.map((m: MonthRow) => [monthLabel(m.month), ...COUNT_KEYS.map((k) => m[k])]),
    total: [t('reports.total'), ...COUNT_KEYS.map((k) => total[k])],
  };
  const group = (id: TableId, column: string, rows: GroupRow[], name: (key: string) => string): LabelledTable => ({
    id,
    title: t(`reports.table.${id}`),
    columns: [{ label: t(`reports.col.${column}`), numeric: false }, ...countColumns, { label: t('reports.col.median'), numeric: true }],
    rows: rows.map((r) => [name(r.key), ...COUNT_KEYS.map((k) => r[k]), r.medianDaysToExclusion === null ? null : roundDays(r.medianDaysToExclusion)]),
    total: [t('reports.total'), ...COUNT_KEYS.map((k) => total[k]), report.daysToExclusion ? roundDays(report.daysToExclusion.median) : null],
  });
  const d = report.daysToExclusion;
  const days: LabelledTable = {
    id: 'days',
    title: t('reports.table.days'),
    columns: [
      { label: t('reports.col.measure'), numeric: false },
      { label: t('reports.col.days'), numeric: true },
    ],
    rows: (['count', 'min', 'q1', 'median', 'q3', 'max'] as const).map((k) => [t(`reports.days.${k}`), d ? roundDays(d[k]) : k === 'count' ? 0 : null]),
  };
  return [
    months,
    group('regions', 'region', report.byRegion, (key) => key),
    group('causes', 'cause', report.byCause, (key) => (key === NOT_DIAGNOSED ? t('reports.notDiagnosed') : labels.cause(key))),
    group('missions', 'mission', report.byMission, labels.mission),
    group('caseworkers', 'caseworker', report.byCaseworker, (key) => key),
    days,
  ];
}
