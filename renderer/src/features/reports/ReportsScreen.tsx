import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDocument } from '../../../../shared/ipc/channels/reports';
import { checkPeriod, lastMonths, type Report, type ReportFilters, type ReportRequest } from '../../../../shared/reports/compute';
import { getApi } from '../../api';
import { describeIpcError } from '../../ui/ipc-error';
import { MonthInput } from '../../ui/MonthInput';
import { localized } from '../../ui/reference-display';
import { useReference } from '../../data/reference/reference.repo';
import { missionIdOf, useStoredSettings } from '../../data/settings/use-actor';
import { ReportTableView } from './ReportTableView';
import { monthLabel, reportTables, roundDays, type GroupLabels, type LabelledTable } from './tables';
import { useReport } from './use-report';
import { localTodayIso } from '../../lib/date-time';
import { recordAct } from '../../data/audit.repo';

// chart.js is loaded with the first chart, not with the app: most sessions never open the reports.
const ReportCharts = lazy(() => import('./ReportCharts').then((m) => ({ default: m.ReportCharts })));

interface Choice {
  from: string;
  to: string;
  missionId: string;
  region: string;
  caseworker: string;
}

type Outcome = { ok: boolean; text: string } | null;

function requestOf(choice: Choice): ReportRequest | null {
  if (checkPeriod(choice.from, choice.to) !== 'ok') return null;
  const filters: ReportFilters = {};
  if (choice.missionId) filters.missionId = choice.missionId;
  if (choice.region) filters.region = choice.region;
  if (choice.caseworker) filters.caseworker = choice.caseworker;
  return { from: choice.from, to: choice.to, filters };
}

function Select({ id, label, value, options, onChange, describe }: { id: string; label: string; value: string; options: string[]; onChange: (value: string) => void; describe?: (value: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {describe ? describe(o) : o}
          </option>
        ))}
      </select>
    </div>
  );
}

function Summary({ report, language }: { report: Report; language: string }) {
  const { t } = useTranslation();
  const d = report.daysToExclusion;
  const n = (value: number) => value.toLocaleString(language, { maximumFractionDigits: 1 });
  return (
    <section className="reports-summary" aria-labelledby="reports-summary-title">
      <h2 id="reports-summary-title">{t('reports.summary.title')}</h2>
      <dl>
        <div><dt>{t('reports.summary.counted')}</dt><dd>{n(report.casesCounted)}</dd></div>
        <div><dt>{t('reports.summary.openAtStart')}</dt><dd>{n(report.totals.openAtStart)}</dd></div>
        <div><dt>{t('reports.summary.opened')}</dt><dd>{n(report.totals.opened)}</dd></div>
        <div><dt>{t('reports.summary.excluded')}</dt><dd>{n(report.totals.excluded)}</dd></div>
        <div><dt>{t('reports.summary.openAtEnd')}</dt><dd>{n(report.totals.openAtEnd)}</dd></div>
        <div>
          <dt>{t('reports.summary.median')}</dt>
          <dd>
            {d ? n(roundDays(d.median)) : t('reports.summary.noExclusions')}
            {d ? <span className="muted"> {t('reports.summary.quartiles', { q1: n(roundDays(d.q1)), q3: n(roundDays(d.q3)), count: d.count })}</span> : null}
          </dd>
        </div>
      </dl>
      {report.casesReconstructed > 0 ? <p className="muted">{t('reports.summary.reconstructed', { count: report.casesReconstructed })}</p> : null}
    </section>
  );
}

/** The ministry report: flows per month, stock against flow, breakdowns, days to exclusion; charts, tables, exports. */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const settings = useStoredSettings();
  const reference = useReference();
  const [choice, setChoice] = useState<Choice>(() => ({ ...lastMonths(localTodayIso()), missionId: '', region: '', caseworker: '' }));
  const request = useMemo(() => requestOf(choice), [choice]);
  const { state, reload } = useReport(request);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const periodProblem = checkPeriod(choice.from, choice.to);

  const ownMissionId = settings?.complete ? missionIdOf(settings.mission.outgoingPrefix) : null;
  const missionName = settings?.complete ? (language.startsWith('ky') ? settings.mission.nameKy : settings.mission.nameRu) : '';
  const labels: GroupLabels = useMemo(
    () => ({
      cause: (id) => {
        const cause = reference?.causes.find((c) => c.id === id);
        return cause ? `${id} ${localized(cause.title, language)}` : id;
      },
      mission: (id) => (id === ownMissionId && missionName ? missionName : id),
    }),
    [reference, language, ownMissionId, missionName],
  );

  const report = state.phase === 'ready' ? state.report : null;
  const tables: LabelledTable[] = useMemo(() => (report ? reportTables(report, t, labels) : []), [report, t, labels]);
  const set = (patch: Partial<Choice>) => setChoice((c) => ({ ...c, ...patch }));

  const filterText = (r: Report) =>
    [
      r.filters.missionId ? `${t('reports.mission')}: ${labels.mission(r.filters.missionId)}` : '',
      r.filters.region ? `${t('reports.region')}: ${r.filters.region}` : '',
      r.filters.caseworker ? `${t('reports.caseworker')}: ${r.filters.caseworker}` : '',
    ]
      .filter(Boolean)
      .join('; ');

  const exportAs = async (kind: 'xlsx' | 'pdf') => {
    if (!report) return;
    const period = `${monthLabel(report.from)} – ${monthLabel(report.to)}`;
    const filters = filterText(report);
    const doc: ReportDocument = {
      title: t('reports.doc.title'),
      missionName,
      period,
      lines: [
        ...(filters ? [t('reports.doc.filters', { filters })] : []),
        t('reports.doc.counted', { count: report.casesCounted, start: report.totals.openAtStart, end: report.totals.openAtEnd }),
        ...(report.casesReconstructed > 0 ? [t('reports.summary.reconstructed', { count: report.casesReconstructed })] : []),
        t('reports.doc.rules'),
      ],
      tables: tables.map(({ id: _id, ...table }) => table),
      fileName: t('reports.doc.file', { from: monthLabel(report.from), to: monthLabel(report.to) }),
      language: language.startsWith('ky') ? 'ky' : language.startsWith('en') ? 'en' : 'ru',
    };
    setBusy(kind);
    setOutcome(null);
    try {
      const api = getApi();
      const result = kind === 'xlsx' ? await api.exportReportXlsx(doc) : await api.exportReportPdf(doc);
      if (!result.ok) setOutcome({ ok: false, text: describeIpcError(t, result.error) });
      else if (result.value.status === 'canceled') setOutcome({ ok: true, text: t('reports.export.canceled') });
      else {
        await recordAct({ action: 'export', entity: 'report', entityId: kind, note: `${kind}: ${report.from} – ${report.to}` }).catch((error: unknown) => console.warn('report audit row:', error));
        setOutcome({ ok: true, text: t('reports.export.saved', { fileName: result.value.fileName }) });
      }
    } catch {
      setOutcome({ ok: false, text: t('errors.NO_BACKEND') });
    } finally {
      setBusy(null);
    }
  };

  const options = state.phase === 'ready' ? state.options : { missionIds: [], regions: [], caseworkers: [] };
  const computing = state.phase === 'loading' || (state.phase === 'ready' && state.computing);

  return (
    <div className="reports">
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>

      <section className="reports-settings" aria-labelledby="reports-settings-title">
        <h2 id="reports-settings-title">{t('reports.settings')}</h2>
        <div className="reports-settings__row">
          <div className="field">
            <label htmlFor="report-from">{t('reports.from')}</label>
            <MonthInput id="report-from" label={t('reports.from')} value={choice.from} onChange={(from) => set({ from })} invalid={periodProblem !== 'ok'} describedBy="report-period-problem" />
          </div>
          <div className="field">
            <label htmlFor="report-to">{t('reports.to')}</label>
            <MonthInput id="report-to" label={t('reports.to')} value={choice.to} onChange={(to) => set({ to })} invalid={periodProblem !== 'ok'} describedBy="report-period-problem" />
          </div>
          <button type="button" className="button" onClick={() => set(lastMonths(localTodayIso()))}>
            {t('reports.lastYear')}
          </button>
        </div>
        <p id="report-period-problem" className="status status--error" role="alert">
          {periodProblem === 'ok' ? '' : t(`reports.period.${periodProblem}`)}
        </p>
        <div className="reports-settings__row">
          <Select id="report-mission" label={t('reports.mission')} value={choice.missionId} options={options.missionIds} onChange={(missionId) => set({ missionId })} describe={labels.mission} />
          <Select id="report-region" label={t('reports.region')} value={choice.region} options={options.regions} onChange={(region) => set({ region })} />
          <Select id="report-caseworker" label={t('reports.caseworker')} value={choice.caseworker} options={options.caseworkers} onChange={(caseworker) => set({ caseworker })} />
          <button type="button" className="button" onClick={reload} disabled={state.phase === 'loading'}>
            {t('reports.refresh')}
          </button>
        </div>
      </section>

      <div className="reports-progress" role="status" aria-live="polite">
        {state.phase === 'loading' && state.total > 0 ? (
          <>
            <progress max={Math.max(1, state.total)} value={state.done} aria-label={t('reports.loadingLabel')} />
            <span>{t('reports.loading', { done: state.done.toLocaleString(language), total: state.total.toLocaleString(language) })}</span>
          </>
        ) : state.phase === 'loading' || (state.phase === 'ready' && state.computing) ? (
          <span>{t('reports.computing')}</span>
        ) : state.phase === 'failed' ? (
          <span className="status status--error">{t('reports.failed')}</span>
        ) : null}
      </div>

      {report ? (
        <div className="reports-body" aria-busy={computing}>
          <Summary report={report} language={language} />
          <div className="form-actions reports-actions">
            <button type="button" className="button" onClick={() => void exportAs('xlsx')} disabled={busy !== null} aria-busy={busy === 'xlsx'}>
              {busy === 'xlsx' ? t('reports.export.busy') : t('reports.export.xlsx')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void exportAs('pdf')} disabled={busy !== null} aria-busy={busy === 'pdf'}>
              {busy === 'pdf' ? t('reports.export.busy') : t('reports.export.pdf')}
            </button>
            <span role="status" className={outcome?.ok === false ? 'status status--error' : 'status status--ok'}>
              {outcome?.text}
            </span>
          </div>
          {report.casesCounted === 0 ? (
            <p>{t('reports.empty')}</p>
          ) : (
            <Suspense fallback={null}>
              <ReportCharts report={report} />
            </Suspense>
          )}
          {tables.map((table) => (
            <ReportTableView key={table.id} table={table} language={language} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
