import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import type { BundleRefusal } from '../../../../shared/transfer/bundle';
import { getApi } from '../../api';
import { describeIpcError } from '../../ui/ipc-error';
import { useActor } from '../../data/settings/use-actor';
import { applyPlan, TransferMergeError, TransferStaleError, type ApplyResult } from '../../data/transfer/apply.repo';
import { ConflictView } from './ConflictView';
import { planMerge, type MergePlan, type Side } from '../../data/transfer/plan.repo';
import { generatedPdfsOf } from '../../data/transfer/records.repo';
import { describeError } from '../../ui/error-text';

type State =
  | { step: 'start' }
  | { step: 'picked'; token: string; fileName: string }
  | { step: 'preview'; token: string; fileName: string; plan: MergePlan }
  | { step: 'done'; result: ApplyResult; plan: MergePlan };

export function TransferImportScreen() {
  const { t } = useTranslation();
  const actor = useActor();
  const [state, setState] = useState<State>({ step: 'start' });
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState<'opening' | 'planning' | 'applying' | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [choices, setChoices] = useState<Record<string, Side>>({});

  const fail = (text: string) => setMessage({ text, error: true });
  const refused = (reason: BundleRefusal) => fail(t(`transfer.refused.${reason}`));

  const pick = async () => {
    setMessage(null);
    const result = await getApi().pickTransfer({});
    if (!result.ok) return fail(describeIpcError(t, result.error));
    if (result.value.status === 'canceled') return;
    if (state.step === 'picked' || state.step === 'preview') void getApi().discardTransfer({ token: state.token });
    setState({ step: 'picked', token: result.value.token, fileName: result.value.fileName });
    setPassphrase('');
  };

  const open = async () => {
    if (state.step !== 'picked') return;
    setMessage(null);
    setBusy('opening');
    try {
      const result = await getApi().openTransfer({ token: state.token, passphrase });
      if (!result.ok) return fail(describeIpcError(t, result.error));
      if (result.value.status === 'refused') return refused(result.value.reason);
      setBusy('planning');
      const plan = await planMerge(result.value.manifest, result.value.records);
      setChoices(Object.fromEntries(plan.items.filter((i) => i.kind === 'conflict').map((i) => [i.id, i.suggested ?? 'ours'])));
      setState({ step: 'preview', token: state.token, fileName: state.fileName, plan });
      setPassphrase('');
    } catch (error) {
      fail(describeError(t, error));
    } finally {
      setBusy(null);
    }
  };

  const cancel = async () => {
    if (state.step === 'picked' || state.step === 'preview') await getApi().discardTransfer({ token: state.token });
    setState({ step: 'start' });
    setMessage({ text: t('transfer.import.canceled'), error: false });
  };

  const apply = async () => {
    if (state.step !== 'preview' || !actor) return;
    setMessage(null);
    setBusy('applying');
    try {
      // Files first: the store is content-addressed, and a generated PDF no document row names yet is not shown.
      const documents = generatedPdfsOf(state.plan.items.map((item) => ({ table: item.table, row: item.theirs })));
      if (state.plan.manifest.attachments.length > 0) {
        const stored = await getApi().storeTransferFiles({ token: state.token, documents });
        if (!stored.ok) return fail(describeIpcError(t, stored.error));
        if (stored.value.status === 'refused') return refused(stored.value.reason);
      }
      const result = await applyPlan(state.plan, choices, actor, new Date(), (decision, m) =>
        t('transfer.note', {
          decision: t(`transfer.decision.${decision}`),
          mission: m.source.missionName || m.source.missionId,
          caseworker: m.source.caseworker,
          date: formatDate(m.createdAt.slice(0, 10)),
          bundle: m.bundleId,
        }),
      );
      await getApi().discardTransfer({ token: state.token });
      setState({ step: 'done', result, plan: state.plan });
    } catch (error) {
      if (error instanceof TransferStaleError) fail(t('transfer.import.stale'));
      else if (error instanceof TransferMergeError) fail(t('transfer.import.invalidMerge'));
      else fail(t('transfer.import.failed', { reason: describeError(t, error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="screen transfer">
      <h1>{t('transfer.import.title')}</h1>
      <p>{t('transfer.import.intro')}</p>
      {state.step === 'start' || state.step === 'picked' ? (
        <div className="transfer__open">
          <button type="button" className="button" onClick={() => void pick()} disabled={busy !== null}>
            {t('transfer.import.pick')}
          </button>
          {state.step === 'picked' ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void open();
              }}
            >
              <p>{t('transfer.import.picked', { fileName: state.fileName })}</p>
              <div className="field">
                <label htmlFor="transfer-passphrase">{t('transfer.import.passphrase')}</label>
                <input id="transfer-passphrase" type="password" autoComplete="off" maxLength={1024} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              </div>
              <button type="submit" className="button button--primary" disabled={busy !== null || passphrase === ''}>
                {t('transfer.import.open')}
              </button>{' '}
              <button type="button" className="button" onClick={() => void cancel()} disabled={busy !== null}>
                {t('transfer.import.cancel')}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {state.step === 'preview' ? (
        <Preview plan={state.plan} choices={choices} onChoices={setChoices} />
      ) : null}
      {state.step === 'preview' && actor === null ? (
        <p className="status status--error">
          {t('transfer.export.needSettings')} <a href="#/settings">{t('nav.settings')}</a>
        </p>
      ) : null}
      {state.step === 'preview' ? (
        <div className="transfer__actions">
          <button type="button" className="button button--primary" onClick={() => void apply()} disabled={busy !== null || !actor}>
            {t('transfer.import.apply')}
          </button>
          <button type="button" className="button" onClick={() => void cancel()} disabled={busy !== null}>
            {t('transfer.import.cancel')}
          </button>
        </div>
      ) : null}
      <div role="status" className="transfer__outcome">
        {busy ? <p className="status">{t(`transfer.import.${busy}`)}</p> : null}
        {message ? <p className={message.error ? 'status status--error' : 'status'}>{message.text}</p> : null}
        {state.step === 'done' ? <Done result={state.result} plan={state.plan} /> : null}
      </div>
    </div>
  );
}

function Preview({ plan, choices, onChoices }: { plan: MergePlan; choices: Record<string, Side>; onChoices: (next: Record<string, Side>) => void }) {
  const { t } = useTranslation();
  const { manifest, counts } = plan;
  const conflicts = plan.items.filter((i) => i.kind === 'conflict');
  const numberOf = (caseId: string) => plan.cases.find((c) => c.caseId === caseId)?.number ?? caseId;
  return (
    <div className="transfer-preview">
      <p>
        {t('transfer.import.source', {
          mission: manifest.source.missionName || manifest.source.missionId,
          caseworker: manifest.source.caseworker,
          date: formatDate(manifest.createdAt.slice(0, 10)),
          version: manifest.appVersion,
        })}
      </p>
      <p className="transfer-preview__counts">{t('transfer.import.counts', counts)}</p>
      {counts.unsupported > 0 ? <p className="muted">{t('transfer.import.unsupported', { count: counts.unsupported })}</p> : null}
      <h2>{t('transfer.import.cases')}</h2>
      <ul className="transfer-preview__cases">
        {plan.cases.map((c) => (
          <li key={c.caseId}>
            <span className="transfer-pick__number">{c.number}</span> {c.personName}{' '}
            <span className="muted">({c.isNew ? t('transfer.import.caseNew') : t('transfer.import.caseExisting')})</span>
            {c.duplicates.map((d) => (
              <p key={d.caseId} className="field__warning">
                {t('transfer.import.duplicate', {
                  number: d.caseNumber,
                  reasons: d.reasons.map((r) => t(`cases.duplicate.reason.${r.reason}`, { value: r.value })).join('; '),
                })}{' '}
                <a href={`#/cases/${d.caseId}`}>{d.caseNumber}</a>
              </p>
            ))}
          </li>
        ))}
      </ul>
      {conflicts.length > 0 ? (
        <>
          <h2>{t('transfer.import.conflicts')}</h2>
          {conflicts.map((item) => (
            <ConflictView key={item.id} item={item} caseNumber={numberOf(item.caseId)} choices={choices} onChoices={onChoices} />
          ))}
        </>
      ) : null}
    </div>
  );
}

function Done({ result, plan }: { result: ApplyResult; plan: MergePlan }) {
  const { t } = useTranslation();
  return (
    <div className="transfer-done">
      <p className="status status--ok">{t('transfer.import.done', { written: result.written, kept: result.kept, count: result.historyAdded })}</p>
      {result.renumbered.map((r) => (
        <p key={r.caseId}>{t('transfer.import.renumbered', { from: r.from, to: r.to })}</p>
      ))}
      <ul>
        {plan.cases.map((c) => (
          <li key={c.caseId}>
            <a href={`#/cases/${c.caseId}`}>{result.renumbered.find((r) => r.caseId === c.caseId)?.to ?? c.number}</a> {c.personName}
          </li>
        ))}
      </ul>
    </div>
  );
}
