import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOpenResult } from '../../../../shared/ipc/channels/import';
import type { ImportMapping } from '../../../../shared/import/fields';
import { repeatedFields } from '../../../../shared/import/fields';
import type { ImportDefaults } from '../../../../shared/import/rows';
import { getApi } from '../../api';
import { describeIpcError } from '../../ui/ipc-error';
import { useActor } from '../../data/settings/use-actor';
import { dryRun, defaultExcluded, type DryRun } from './dry-run';
import { MappingStep, type DefaultsDraft } from './MappingStep';
import { mappingFor, saveMapping } from '../../data/import/mappings.repo';
import { ReviewStep } from './ReviewStep';
import { closeInterruptedImports, writeImport, type ImportOutcome, type SkipReason } from '../../data/import/import.repo';
import { DoneStep } from './DoneStep';
import { localTodayIso } from '../../lib/date-time';

type Parsed = Extract<ImportOpenResult, { status: 'parsed' }>;

type Step =
  | { kind: 'start' }
  | { kind: 'mapping'; file: Parsed; mapping: ImportMapping; saved: boolean }
  | { kind: 'checking'; file: Parsed; mapping: ImportMapping; done: number }
  | { kind: 'review'; file: Parsed; mapping: ImportMapping; run: DryRun }
  | { kind: 'writing'; file: Parsed; done: number; total: number }
  | { kind: 'done'; file: Parsed; outcome: ImportOutcome };

export function ImportScreen() {
  const { t } = useTranslation();
  const actor = useActor();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [defaults, setDefaults] = useState<DefaultsDraft>(() => ({ region: '', learnedAt: localTodayIso(), learnedHow: 'other', language: 'ru' }));
  const stop = useRef(false);
  const [stopping, setStopping] = useState(false);

  // An import cut short by a crash or a closed window still gets its one audit entry.
  useEffect(() => {
    void closeInterruptedImports();
  }, []);

  const accept = async (result: ImportOpenResult) => {
    if (result.status === 'canceled') return;
    if (result.status === 'refused') {
      setMessage(t(`import.refused.${result.reason}`, { name: result.fileName, limit: result.limitMb }));
      return;
    }
    const { mapping, saved } = await mappingFor(result.table.headers);
    setStep({ kind: 'mapping', file: result, mapping, saved });
  };

  const call = async (run: () => ReturnType<ReturnType<typeof getApi>['openImportFile']>) => {
    setMessage(null);
    setBusy(true);
    try {
      const result = await run();
      if (!result.ok) setMessage(describeIpcError(t, result.error));
      else await accept(result.value);
    } finally {
      setBusy(false);
    }
  };

  const pick = () => call(() => getApi().openImportFile({}));
  const chooseSheet = (file: Parsed, sheet: string) => call(() => getApi().readImportSheet({ fileId: file.fileId, sheet }));

  const check = async (file: Parsed, mapping: ImportMapping) => {
    if (!actor) return;
    await saveMapping(file.table.headers, mapping);
    setStep({ kind: 'checking', file, mapping, done: 0 });
    const full: ImportDefaults = { missionId: actor.missionId, caseworker: actor.who, ...defaults };
    const run = await dryRun(file.table.rows, mapping, full, {
      today: localTodayIso(),
      rowNumbers: file.table.rowNumbers,
      onProgress: (done) => setStep((s) => (s.kind === 'checking' ? { ...s, done } : s)),
    });
    setStep({ kind: 'review', file, mapping, run });
  };

  const confirm = async (file: Parsed, run: DryRun, excluded: ReadonlySet<number>) => {
    if (!actor) return;
    const items = run.rows.filter((r) => r.form && !excluded.has(r.index)).map((r) => ({ rowNumber: r.rowNumber, form: r.form! }));
    const skipped = run.rows
      .filter((r) => !r.form || excluded.has(r.index))
      .map((r) => ({ row: r.rowNumber, reason: (r.form ? 'excluded' : 'errors') as SkipReason }));
    stop.current = false;
    setStopping(false);
    setStep({ kind: 'writing', file, done: 0, total: items.length });
    const outcome = await writeImport({ fileName: file.fileName, items, skipped }, actor, {
      onProgress: (done, total) => setStep((s) => (s.kind === 'writing' ? { ...s, done, total } : s)),
      shouldStop: () => stop.current,
    });
    setStep({ kind: 'done', file, outcome });
  };

  const problems = useMemo(() => (step.kind === 'mapping' ? mappingProblems(t, step.mapping) : []), [step, t]);

  if (actor === undefined) return <div className="screen"><p>{t('app.loading')}</p></div>;
  if (actor === null) {
    return (
      <div className="screen import">
        <h1>{t('import.title')}</h1>
        <p>{t('import.needSettings')}</p>
        <a className="button" href="#/settings">{t('import.openSettings')}</a>
      </div>
    );
  }

  return (
    <div className="screen import">
      <h1>{t('import.title')}</h1>
      {step.kind === 'start' || step.kind === 'mapping' ? (
        <div className="import__start">
          <p>{t('import.intro')}</p>
          <button type="button" className="button" onClick={() => void pick()} disabled={busy}>{t('import.pick')}</button>
          {busy ? <p role="status">{t('import.reading')}</p> : null}
        </div>
      ) : null}
      {message ? <p role="alert" className="status--error import__message">{message}</p> : null}
      {step.kind === 'mapping' ? (
        <MappingStep
          file={step.file}
          mapping={step.mapping}
          saved={step.saved}
          defaults={defaults}
          problems={problems}
          onMapping={(mapping) => setStep({ ...step, mapping, saved: false })}
          onDefaults={setDefaults}
          onSheet={(sheet) => void chooseSheet(step.file, sheet)}
          onCheck={() => void check(step.file, step.mapping)}
        />
      ) : null}
      {step.kind === 'checking' ? (
        <div className="import__progress">
          <label htmlFor="import-check-progress">{t('import.checking', { done: step.done, total: step.file.table.rows.length })}</label>
          <progress id="import-check-progress" max={step.file.table.rows.length} value={step.done} />
        </div>
      ) : null}
      {step.kind === 'review' ? (
        <ReviewStep
          run={step.run}
          initialExcluded={defaultExcluded(step.run)}
          onBack={() => setStep({ kind: 'mapping', file: step.file, mapping: step.mapping, saved: false })}
          onConfirm={(excluded) => void confirm(step.file, step.run, excluded)}
        />
      ) : null}
      {step.kind === 'writing' ? (
        <div className="import__progress">
          <label htmlFor="import-write-progress">{t('import.writing', { done: step.done, total: step.total })}</label>
          <progress id="import-write-progress" max={step.total} value={step.done} />
          <button
            type="button"
            className="button button--danger"
            disabled={stopping}
            onClick={() => {
              stop.current = true;
              setStopping(true);
            }}
          >
            {t('import.cancel')}
          </button>
          {stopping ? <p role="status">{t('import.stopping')}</p> : null}
        </div>
      ) : null}
      {step.kind === 'done' ? <DoneStep outcome={step.outcome} onAgain={() => setStep({ kind: 'start' })} /> : null}
    </div>
  );
}

function mappingProblems(t: (key: string, params?: Record<string, unknown>) => string, mapping: ImportMapping): string[] {
  const problems = repeatedFields(mapping).map((field) => t('import.mapping.repeated', { field: t(`import.field.${field}`) }));
  const has = (...fields: string[]) => fields.some((f) => mapping.includes(f as never));
  if (!has('fullNameRu', 'surnameRu')) problems.push(t('import.mapping.noName'));
  if (!has('birthDate')) problems.push(t('import.mapping.noBirth'));
  return problems;
}
