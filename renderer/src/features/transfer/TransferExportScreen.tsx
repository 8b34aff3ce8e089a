import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_LIMITS } from '../../../../shared/transfer/bundle';
import { getApi } from '../../api';
import type { CaseListRow } from '../../data/cases/case-index.cache';
import { describeIpcError } from '../../ui/ipc-error';
import { openCaseList, type CaseListHandle, type CaseQuery } from '../../data/cases/list-query.repo';
import { useStoredSettings } from '../../data/settings/use-actor';
import { exportCases, type ExportOutcome } from './export-flow';
import { passphraseProblem } from './passphrase';
import { PassphraseFields } from './PassphraseFields';
import { savedCaseQuery } from '../../data/cases/saved-query';
import { describeError } from '../../ui/error-text';

const PAGE = 100;

export function TransferExportScreen() {
  const { t } = useTranslation();
  const settings = useStoredSettings();
  const [query, setQuery] = useState<CaseQuery>(savedCaseQuery);
  const [handle, setHandle] = useState<CaseListHandle | null>(null);
  const [rows, setRows] = useState<CaseListRow[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pass, setPass] = useState<[string, string]>(['', '']);
  const [tried, setTried] = useState(false);
  const [stage, setStage] = useState<'gathering' | 'sealing' | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | { status: 'noCases' } | { status: 'error'; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    void openCaseList(query).then(async (next) => {
      const first = await next.page(0, PAGE);
      if (!live) return;
      setHandle(next);
      setRows(first);
    });
    return () => {
      live = false;
    };
  }, [query]);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const selectAll = async () => {
    if (!handle) return;
    const all = await handle.page(0, Math.min(handle.count, TRANSFER_LIMITS.cases));
    setSelected((current) => new Set([...current, ...all.map((r) => r.id)]));
  };

  const submit = async () => {
    setTried(true);
    setOutcome(null);
    if (selected.size === 0) return setOutcome({ status: 'noCases' });
    if (passphraseProblem(pass[0], pass[1]) !== null || !settings?.complete) return;
    try {
      const result = await exportCases(getApi(), [...selected], pass[0], settings, setStage);
      setOutcome(result);
      if (result.status === 'saved') {
        setPass(['', '']);
        setTried(false);
      }
    } catch (error) {
      setOutcome({ status: 'error', message: describeError(t, error) });
    } finally {
      setStage(null);
    }
  };

  const tooMany = selected.size > TRANSFER_LIMITS.cases;
  return (
    <div className="screen transfer">
      <h1>{t('transfer.export.title')}</h1>
      <p>{t('transfer.export.intro')}</p>
      {settings && !settings.complete ? (
        <p className="status status--error">
          {t('transfer.export.needSettings')} <a href="#/settings">{t('nav.settings')}</a>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="transfer-search">{t('transfer.export.search')}</label>
        <input
          id="transfer-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={query.text}
          onChange={(e) => setQuery((q) => ({ ...q, text: e.target.value }))}
        />
      </div>
      <div className="transfer__tools">
        <span role="status">{handle ? t('transfer.export.found', { count: handle.count }) : t('app.loading')}</span>
        <button type="button" className="button button--small" disabled={!handle?.count} onClick={() => void selectAll()}>
          {t('transfer.export.selectAll', { count: Math.min(handle?.count ?? 0, TRANSFER_LIMITS.cases) })}
        </button>
        <button type="button" className="button button--small" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
          {t('transfer.export.clear')}
        </button>
      </div>
      <ul className="transfer-pick" aria-label={t('transfer.export.search')}>
        {rows.map((row) => (
          <li key={row.id}>
            <label>
              <input type="checkbox" checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
              <span className="transfer-pick__number">{row.number}</span>
              <span>{row.summary.nameRu}</span>
              <span className="muted">{t(`cases.status.${row.status}`)}</span>
            </label>
          </li>
        ))}
      </ul>
      {handle && rows.length < handle.count ? (
        <button type="button" className="button button--small" onClick={() => void handle.page(rows.length, PAGE).then((more) => setRows((r) => [...r, ...more]))}>
          {t('transfer.export.more')}
        </button>
      ) : null}
      <p className={tooMany ? 'status status--error' : 'status'} aria-live="polite">
        {t('transfer.export.selected', { count: selected.size })}
        {tooMany ? ` ${t('transfer.export.tooMany', { max: TRANSFER_LIMITS.cases })}` : ''}
      </p>
      <form
        className="transfer__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PassphraseFields first={pass[0]} second={pass[1]} showProblem={tried} onChange={(a, b) => setPass([a, b])} />
        <button type="submit" className="button button--primary" disabled={stage !== null || tooMany || !settings?.complete}>
          {t('transfer.export.submit')}
        </button>
      </form>
      <div role="status" className="transfer__outcome">
        {stage ? <p className="status">{t(`transfer.export.${stage}`)}</p> : null}
        {outcome ? <ExportMessage outcome={outcome} /> : null}
      </div>
    </div>
  );
}

function ExportMessage({ outcome }: { outcome: ExportOutcome | { status: 'noCases' } | { status: 'error'; message: string } }) {
  const { t } = useTranslation();
  switch (outcome.status) {
    case 'saved':
      return (
        <p className="status status--ok">
          {t('transfer.export.saved', {
            fileName: outcome.fileName,
            cases: t('transfer.export.cases', { count: outcome.cases }),
            records: t('transfer.export.records', { count: outcome.records }),
            files: t('transfer.export.files', { count: outcome.files }),
          })}
        </p>
      );
    case 'canceled':
      return <p className="status">{t('transfer.export.canceled')}</p>;
    case 'noCases':
      return <p className="status status--error">{t('transfer.export.noCases')}</p>;
    case 'refused':
      return <p className="status status--error">{t(`transfer.refused.${outcome.reason}`)}</p>;
    case 'failed':
      return <p className="status status--error">{describeIpcError(t, outcome.error)}</p>;
    case 'error':
      return <p className="status status--error">{outcome.message}</p>;
  }
}
