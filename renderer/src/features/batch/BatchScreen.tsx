import { useLive } from '../../data/use-live';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../../shared/case/dates';
import { getApi } from '../../api';
import { navigate } from '../../ui/router';
import { recordAct } from '../../data/audit.repo';
import { DateInput } from '../../ui/DateInput';
import { Dialog } from '../../ui/Dialog';
import { describeIpcError } from '../../ui/ipc-error';
import { localized } from '../../ui/reference-display';
import { savedCaseQuery } from '../../data/cases/saved-query';
import { localTodayIso } from '../../lib/date-time';
import { openCaseList, type CaseQuery } from '../../data/cases/list-query.repo';
import { useActor } from '../../data/settings/use-actor';
import { useTemplates } from '../../data/templates/templates.repo';
import { useReference } from '../../data/reference/reference.repo';
import { isAddressed, isNumbered } from '../../data/batch/batch-inputs.repo';
import { batchJob, countStates, createBatchJob, jobItems } from '../../data/batch/batch.repo';
import type { BatchAddresseeChoice, BatchItemRow } from '../../data/batch/batch-rows';
import { abandonBatchJob, mergeBatchJob } from '../../data/batch/batch-run.repo';
import { cancelRun, isDriving, startRun, useRun } from './run.store';
import { describeError } from '../../ui/error-text';

function filterDescription(t: TFunction, query: CaseQuery): string {
  const parts = [
    ...(query.text.trim() ? [t('batch.filterText', { text: query.text.trim() })] : []),
    ...Object.entries(query.filters)
      .filter(([, v]) => !!v)
      .map(([field, value]) => (field === 'status' ? t(`cases.status.${value}`) : String(value))),
  ];
  return parts.length > 0 ? parts.join(' · ') : t('batch.filterNone');
}

/** Where the caseworker picks a template for every case of the list's current filter and starts. */
function NewBatch() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const templates = useTemplates();
  const reference = useReference();
  const [query] = useState(savedCaseQuery);
  const [caseIds, setCaseIds] = useState<string[] | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [addressee, setAddressee] = useState('auto');
  const [date, setDate] = useState(localTodayIso);
  const [merge, setMerge] = useState(true);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<{ cause: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await openCaseList(query);
      const rows = list.count > 0 ? await list.page(0, list.count) : [];
      if (live) setCaseIds(rows.map((r) => r.id));
    })().catch((e: unknown) => live && setError({ cause: e }));
    return () => {
      live = false;
    };
  }, [query]);

  const choices = (templates ?? []).filter((entry) => entry.template.kind !== 'batch_list_letter');
  const entry = choices.find((c) => c.id === templateId);
  const addressed = entry ? isAddressed(entry.template) : false;
  const count = caseIds?.length ?? 0;
  const canStart = !!actor && !!entry && count > 0 && !busy && /^\d{4}-\d{2}-\d{2}$/.test(date);

  const start = async () => {
    if (!actor || !entry || !caseIds) return;
    setBusy(true);
    try {
      const choice: BatchAddresseeChoice = !addressed ? { mode: 'none' } : addressee === 'auto' ? { mode: 'auto' } : { mode: 'fixed', id: addressee };
      const job = await createBatchJob({ caseIds, template: entry.template, addressee: choice, date, merge, filterText: filterDescription(t, query) }, actor);
      startRun(job.id);
      navigate(`/batch/${job.id}`);
    } catch (e) {
      setError({ cause: e });
      setBusy(false);
    }
  };

  return (
    <div className="screen batch">
      <h1>{t('batch.title')}</h1>
      <p>
        <a href="#/cases">{t('batch.back')}</a>
      </p>
      {actor === null ? <p className="status--error" role="alert">{t('batch.noSettings')}</p> : null}
      <section className="batch__scope" aria-labelledby="batch-scope">
        <h2 id="batch-scope">{t('batch.fromFilter')}</h2>
        <p>{filterDescription(t, query)}</p>
        <p role="status" className="batch__count">{caseIds === null ? t('batch.counting') : count === 0 ? t('batch.noCases') : t('batch.count', { count })}</p>
      </section>
      <form
        className="batch__form"
        onSubmit={(event) => {
          event.preventDefault();
          // Hundreds of numbered documents cannot be taken back: the count is confirmed first.
          if (canStart) setConfirming(true);
        }}
      >
        <label>
          {t('batch.template')}
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} required>
            <option value="">{t('batch.chooseTemplate')}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {`${localized(c.template.title, i18n.language)} (v${c.version})`}
              </option>
            ))}
          </select>
        </label>
        {addressed ? (
          <label>
            {t('batch.addressee')}
            <select value={addressee} onChange={(e) => setAddressee(e.target.value)}>
              <option value="auto">{t('batch.addresseeAuto')}</option>
              {(reference?.addressees ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.nameRu}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('batch.date')}
          <DateInput value={date} onChange={setDate} />
        </label>
        <label className="batch__check">
          <input type="checkbox" checked={merge} onChange={(e) => setMerge(e.target.checked)} />
          {t('batch.merge')}
        </label>
        {entry && isNumbered(entry.template) ? <p className="muted">{t('batch.numberedNote')}</p> : null}
        {entry && entry.template.requisites.some((r) => r.path === 'attachments') ? <p className="muted">{t('batch.attachmentNote')}</p> : null}
        {error ? <p className="status--error" role="alert">{t('batch.error', { reason: describeError(t, error.cause) })}</p> : null}
        <button type="submit" className="button button--primary" disabled={!canStart}>
          {t('batch.start', { count })}
        </button>
      </form>
      {confirming && entry ? (
        <Dialog open title={t('batch.confirm.title')} onClose={() => setConfirming(false)}>
          <p>{t('batch.confirm.question', { count, template: localized(entry.template.title, i18n.language), date: formatDate(date) })}</p>
          {isNumbered(entry.template) ? <p>{t('batch.confirm.numbered')}</p> : null}
          <div className="form-actions">
            {/* Cancel comes first: the modal focuses it, so Enter alone never starts a batch. */}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('batch.confirm.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                void start();
              }}
            >
              {t('batch.confirm.go', { count })}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

function reasonText(t: TFunction, item: BatchItemRow): string {
  const error = item.error ?? { code: 'other', message: '' };
  const known = ['MISSING_REQUISITES', 'NO_ADDRESSEE', 'CASE_MISSING', 'CANCELED', 'IO_ERROR', 'WORKER_EXITED'];
  // Only the reasons whose detail is the case's own data (requisite labels, a region) print it; a failure's
  // technical text (a file path, an exception) stays in the item's record and the log.
  if (error.code === 'MISSING_REQUISITES' || error.code === 'NO_ADDRESSEE') return t(`batch.reason.${error.code}`, { message: error.message });
  return known.includes(error.code) ? t(`batch.reason.${error.code}`) : t('batch.reason.other', { code: error.code });
}

function eta(t: TFunction, seconds: number): string {
  return seconds < 90 ? t('batch.etaSeconds', { count: Math.max(1, Math.round(seconds)) }) : t('batch.etaMinutes', { count: Math.round(seconds / 60) });
}

/** Progress, cancel, resume and the summary of one job. */
function JobView({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const actor = useActor();
  const run = useRun(jobId);
  const job = useLive(() => batchJob(jobId), [jobId]);
  const driving = isDriving(jobId);
  // Items are read when no run is writing them (a live query per written item would cost more than the run).
  const items = useLive(async () => (driving ? null : jobItems(jobId)), [jobId, driving, job?.state, job?.merged?.relPath, run?.outcome]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (job === undefined) return <p role="status">{t('app.loading')}</p>;
  if (job === null || !job) return <p role="alert">{t('batch.notFound')}</p>;

  const counts = run?.progress?.counts ?? (items ? countStates(items) : null);
  const finished = counts ? counts.done + counts.failed + counts.skipped : 0;
  const progress = run?.progress;
  const elapsed = progress ? (progress.at - progress.startedAt) / 1000 : 0;
  const remaining = counts ? counts.pending + counts.numbered : 0;
  const etaSeconds = progress && progress.finishedThisRun > 0 ? (elapsed / progress.finishedThisRun) * remaining : null;
  const interrupted = job.state === 'running' && !driving;

  const saveMerged = async () => {
    if (!job.merged) return;
    setBusy(true);
    setMessage(null);
    try {
      const fileName = `${job.templateTitle} ${formatDate(job.date)}`.replace(/[\\/:*?"<>|]/g, ' ').slice(0, 100);
      let result = await getApi().saveMergedBatch({ jobId: job.merged.mainJobId, fileName });
      if (result.ok && result.value.status === 'unknown') {
        // Main was restarted since the merge: join the files again, then save.
        const merged = await mergeBatchJob(jobId, getApi());
        if (merged) result = await getApi().saveMergedBatch({ jobId: merged.mainJobId, fileName });
      }
      if (!result.ok) setMessage(describeIpcError(t, result.error));
      else if (result.value.status === 'saved') {
        // The merged letters leave the app for printing: an export of documents, recorded as such.
        await recordAct({ action: 'export', entity: 'document', entityId: jobId, note: job.templateTitle }).catch((error: unknown) => console.warn('batch audit row:', error));
        setMessage(t('batch.saved', { name: result.value.fileName }));
      }
    } catch (e) {
      setMessage(t('batch.error', { reason: describeError(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  const makeMerged = async () => {
    setBusy(true);
    try {
      await mergeBatchJob(jobId, getApi());
    } catch (e) {
      setMessage(t('batch.error', { reason: describeError(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  const failures = (items ?? []).filter((i) => i.state === 'failed');
  const made = (items ?? []).filter((i) => i.state === 'done');
  return (
    <div className="screen batch">
      <h1>{t('batch.title')}</h1>
      <p>
        <a href="#/cases">{t('batch.back')}</a>
      </p>
      <p className="batch__what">
        <strong>{job.templateTitle}</strong> · {formatDate(job.date)} · {job.filterText}
      </p>
      {interrupted ? (
        <div className="batch__interrupted" role="alert">
          <p>{t('batch.interrupted', { done: counts?.done ?? 0, total: job.total })}</p>
          <button type="button" className="button button--primary" onClick={() => startRun(jobId)}>
            {t('batch.resume')}
          </button>{' '}
          <button type="button" className="button button--danger" disabled={!actor || busy} onClick={() => actor && void abandonBatchJob(jobId, actor)}>
            {t('batch.abandon')}
          </button>
        </div>
      ) : null}
      <section aria-labelledby="batch-progress-label" className="batch__progress">
        <h2 id="batch-progress-label">{driving && progress ? t(`batch.phase.${progress.phase}`) : t('batch.progressLabel')}</h2>
        <progress max={job.total} value={finished} aria-labelledby="batch-progress-label" />
        <p role="status" className="batch__progress-text">
          {t('batch.progress', { done: finished, total: job.total })}
          {counts && counts.failed > 0 ? ` · ${t('batch.failedCount', { count: counts.failed })}` : ''}
          {driving && etaSeconds !== null && remaining > 0 ? ` · ${t('batch.eta', { time: eta(t, etaSeconds) })}` : ''}
        </p>
        {driving ? (
          <button type="button" className="button button--danger" onClick={() => cancelRun(jobId)} disabled={progress?.phase === 'canceling'}>
            {t('batch.cancel')}
          </button>
        ) : null}
        {run?.error ? <p className="status--error" role="alert">{t('batch.error', { reason: describeError(t, run.error.cause) })}</p> : null}
      </section>
      {job.state !== 'running' && items ? (
        <section aria-labelledby="batch-summary" className="batch__summary">
          <h2 id="batch-summary">{t('batch.summary')}</h2>
          <p>{job.state === 'done' ? t('batch.stateDone') : t('batch.stateCanceled')}</p>
          <ul>
            <li>{t('batch.summaryDone', { count: made.length })}</li>
            <li>{t('batch.summaryFailed', { count: failures.length })}</li>
            {job.state === 'canceled' ? <li>{t('batch.summarySkipped', { count: items.filter((i) => i.state === 'skipped').length })}</li> : null}
          </ul>
          {job.merged ? (
            <p>
              {t('batch.mergedReady', { count: job.merged.pages })}{' '}
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void saveMerged()}>
                {t('batch.saveMerged')}
              </button>
            </p>
          ) : made.length > 0 ? (
            <p>
              <button type="button" className="button" disabled={busy} onClick={() => void makeMerged()}>
                {t('batch.makeMerged')}
              </button>
            </p>
          ) : null}
          {message ? <p role="status">{message}</p> : null}
          {failures.length > 0 ? (
            <>
              <h3>{t('batch.failures')}</h3>
              <table className="batch__table">
                <thead>
                  <tr>
                    <th scope="col">{t('batch.columns.case')}</th>
                    <th scope="col">{t('batch.columns.person')}</th>
                    <th scope="col">{t('batch.columns.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failures.map((item) => (
                    <tr key={item.id}>
                      <td><a href={`#/cases/${item.caseId}`}>{item.caseNumber}</a></td>
                      <td>{item.personName}</td>
                      <td>{reasonText(t, item)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {made.length > 0 ? (
            <>
              <h3>{t('batch.made')}</h3>
              <table className="batch__table">
                <thead>
                  <tr>
                    <th scope="col">{t('batch.columns.case')}</th>
                    <th scope="col">{t('batch.columns.person')}</th>
                    <th scope="col">{t('batch.columns.number')}</th>
                    <th scope="col">{t('batch.columns.pages')}</th>
                  </tr>
                </thead>
                <tbody>
                  {made.slice(0, 500).map((item) => (
                    <tr key={item.id}>
                      <td><a href={`#/cases/${item.caseId}`}>{item.caseNumber}</a></td>
                      <td>{item.personName}</td>
                      <td className="batch__number">{item.outgoingNumber || '—'}</td>
                      <td>{item.file?.pages ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export function BatchScreen({ route }: { route: string }) {
  const match = /^\/batch\/([A-Za-z0-9_-]+)$/.exec(route);
  return match ? <JobView jobId={match[1]!} /> : <NewBatch />;
}
