import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { emptyIntake, type IntakeDraft } from '../../../../shared/case/schema';
import { navigate } from '../../ui/router';
import { createCase, findDuplicates, type Actor, type DuplicateMatch } from '../../data/cases/cases.repo';
import { AminaSection } from './AminaSection';
import { CaseSection } from './CaseSection';
import { DocumentsSection } from './DocumentsSection';
import { DuplicateDialog } from './DuplicateDialog';
import { EmploymentsSection } from './EmploymentsSection';
import { fieldLabel } from './field-labels';
import { focusField } from './fields';
import { collectFindings, renderMessage, type IntakeFindings, type PathMessage } from './findings';
import { FindingsContext, type BadDate, type FindingsContextValue } from './findings-context';
import { localDateTime, localTodayIso } from '../../lib/date-time';
import { PersonSection } from './PersonSection';
import { RegistrationsSection } from './RegistrationsSection';
import { StaysSection } from './StaysSection';
import { useDraftAutosave } from './use-draft-autosave';
import { useRegistrationGrace } from '../../data/reference/reference.repo';
import { useShortcutProps } from '../../ui/shortcuts';
import { Dialog } from '../../ui/Dialog';
import { NEW_CASE_EVENT } from '../../ui/new-case';
import { describeError } from '../../ui/error-text';

export const VALIDATION_DELAY_MS = 300;
const FIRST_FIELD = 'person.nameKy.surname';

interface Props {
  initial: IntakeDraft;
  initialSavedAt: string | null;
  actor: Actor;
  /** Deletes the draft and opens an empty form (after the caseworker confirmed). */
  onStartOver(): Promise<void>;
}

type Outcome = { kind: 'invalid' } | { kind: 'failed'; reason: string } | null;

/** The caseworker and mission are never typed: they are whoever is recording, on this PC's mission. */
function withActor(values: IntakeDraft, actor: Actor): IntakeDraft {
  return { ...values, case: { ...values.case, caseworker: actor.who, missionId: actor.missionId } };
}

export function IntakeForm({ initial, initialSavedAt, actor, onStartOver }: Props) {
  const { t } = useTranslation();
  const shortcut = useShortcutProps();
  const form = useForm<IntakeDraft>({ defaultValues: initial });
  const autosave = useDraftAutosave(form, initialSavedAt);
  const [today] = useState(() => localTodayIso());
  const grace = useRegistrationGrace();

  // ---- findings: recomputed a moment after typing stops; "required" only once saving was tried
  const submitted = useRef(false);
  const dateTexts = useRef(new Map<string, BadDate>());
  const validateTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const compute = useCallback(
    (showAll: boolean): IntakeFindings => {
      const badDates = Object.fromEntries([...dateTexts.current].filter(([, bad]) => showAll || bad.committed).map(([path, bad]) => [path, bad.text]));
      return collectFindings(withActor(form.getValues(), actor), { showRequired: showAll, badDates, grace });
    },
    [form, actor, grace],
  );
  const [findings, setFindings] = useState<IntakeFindings>(() => collectFindings(withActor(initial, actor), { showRequired: false }));
  const [showSummary, setShowSummary] = useState(false);
  const schedule = useCallback(() => {
    if (validateTimer.current) clearTimeout(validateTimer.current);
    validateTimer.current = setTimeout(() => setFindings(compute(submitted.current)), VALIDATION_DELAY_MS);
  }, [compute]);
  useEffect(() => form.subscribe({ formState: { values: true }, callback: schedule }), [form, schedule]);
  // The grace days arrive with the reference data (or change there): the gap findings are computed again.
  const graceSeen = useRef(grace);
  useEffect(() => {
    if (graceSeen.current === grace) return;
    graceSeen.current = grace;
    setFindings(compute(submitted.current));
  }, [grace, compute]);
  useEffect(
    () => () => {
      if (validateTimer.current) clearTimeout(validateTimer.current);
    },
    [],
  );
  const reportDateText = useCallback(
    (path: string, bad: BadDate | null) => {
      const before = dateTexts.current.get(path);
      if (JSON.stringify(before ?? null) === JSON.stringify(bad)) return;
      if (bad) dateTexts.current.set(path, bad);
      else dateTexts.current.delete(path);
      schedule();
    },
    [schedule],
  );
  const context = useMemo<FindingsContextValue>(
    () => ({ findings, reportDateText }),
    [findings, reportDateText],
  );

  // ---- saving
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [duplicates, setDuplicates] = useState<{ matches: DuplicateMatch[]; draft: IntakeDraft } | null>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  const refuse = useCallback(
    (result: IntakeFindings) => {
      setFindings(result);
      setShowSummary(true);
      setOutcome({ kind: 'invalid' });
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    [],
  );

  const create = useCallback(
    async (draft: IntakeDraft, override?: { reason: string; matchedCaseIds: string[] }) => {
      autosave.pause();
      let created = false;
      try {
        const result = await createCase(draft, actor, override ? { duplicateOverride: override } : {});
        if (result.ok) {
          created = true;
          autosave.stop();
          navigate(`/cases/${result.value.id}`);
          return;
        }
        setDuplicates(null);
        refuse(compute(true));
      } finally {
        if (!created) autosave.resume();
      }
    },
    [actor, autosave, compute, refuse],
  );

  const run = useCallback(
    async (work: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      setSaving(true);
      try {
        await work();
      } catch (error) {
        setOutcome({ kind: 'failed', reason: describeError(t, error) });
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [t],
  );

  const save = useCallback(
    () =>
      run(async () => {
        if (validateTimer.current) clearTimeout(validateTimer.current);
        submitted.current = true;
        const result = compute(true);
        if (result.blocking) {
          refuse(result);
          return;
        }
        setFindings(result);
        setOutcome(null);
        const draft = withActor(form.getValues(), actor);
        const matches = await findDuplicates(draft);
        if (matches.length > 0) {
          setDuplicates({ matches, draft });
          return;
        }
        await create(draft);
      }),
    [run, compute, refuse, form, actor, create],
  );

  // «Новое дело» while this form is open: an empty form starts over at once, a filled one asks first.
  const [confirmFresh, setConfirmFresh] = useState(false);
  const startOver = useCallback(() => {
    setConfirmFresh(false);
    autosave.stop();
    void onStartOver();
  }, [autosave, onStartOver]);
  // What an untouched new form holds once its controls have mounted (a restored draft always counts as typed).
  const untouched = useRef<string | null>(null);
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      untouched.current = fingerprint(initial) === fingerprint(emptyIntake()) ? fingerprint(form.getValues()) : null;
    });
    return () => cancelAnimationFrame(id);
  }, [form, initial]);
  useEffect(() => {
    const onNewCase = () => {
      if (document.querySelector('dialog[open]')) return;
      if (untouched.current === null || fingerprint(form.getValues()) !== untouched.current) setConfirmFresh(true);
      else startOver();
    };
    window.addEventListener(NEW_CASE_EVENT, onNewCase);
    return () => window.removeEventListener(NEW_CASE_EVENT, onNewCase);
  }, [form, startOver]);

  useEffect(() => {
    const id = requestAnimationFrame(() => focusField(FIRST_FIELD));
    return () => cancelAnimationFrame(id);
  }, []);

  const errors = findings.items.filter((i) => i.severity === 'error');
  const warnings = findings.items.filter((i) => i.severity === 'warning');
  const visibleSummary = showSummary && errors.length > 0;

  return (
    <FindingsContext.Provider value={context}>
      <FormProvider {...form}>
        <p className="intake-meta">
          <span>{t('intake.recordedBy', { who: actor.who })}</span>
          <span className="muted">{t('intake.requiredNote')}</span>
        </p>
        {visibleSummary ? (
          <section ref={summaryRef} className="errors intake-summary" tabIndex={-1} aria-labelledby="intake-errors-title">
            <h2 id="intake-errors-title">{t('intake.summary.title', { count: errors.length })}</h2>
            <FindingList items={errors} />
          </section>
        ) : null}
        <form
          className="intake-form"
          noValidate
          aria-labelledby="intake-title"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          onKeyDown={(event) => {
            // A long form must not be saved by an Enter meant for one field; saving is the button or Ctrl+S.
            if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type !== 'submit') event.preventDefault();
          }}
        >
          <PersonSection />
          <DocumentsSection />
          <StaysSection />
          <RegistrationsSection />
          <EmploymentsSection today={today} />
          <AminaSection />
          <CaseSection />
          {warnings.length > 0 ? (
            <section className="warnings intake-warnings" aria-labelledby="intake-warnings-title">
              <h2 id="intake-warnings-title">{t('intake.warnings.title', { count: warnings.length })}</h2>
              <FindingList items={warnings} />
            </section>
          ) : null}
          <div className="form-actions intake-actions">
            <button ref={saveButton} type="submit" className="button button--primary" disabled={saving} {...shortcut('save')}>
              {saving ? t('intake.saving') : t('intake.save')}
            </button>
            <span role="status" className="status status--error">
              {outcome?.kind === 'invalid' && errors.length > 0 ? t('intake.summary.status', { count: errors.length }) : null}
              {outcome?.kind === 'failed' ? t('intake.saveFailed', { reason: outcome.reason }) : null}
            </span>
            <DraftStatus savedAt={autosave.savedAt} pending={autosave.pending} failure={autosave.failure} />
          </div>
        </form>
      </FormProvider>
      <Dialog open={confirmFresh} title={t('intake.fresh.title')} onClose={() => setConfirmFresh(false)}>
        <p>{t('intake.fresh.text')}</p>
        <div className="form-actions">
          <button type="button" className="button button--danger" onClick={startOver}>
            {t('intake.fresh.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmFresh(false)}>
            {t('intake.fresh.cancel')}
          </button>
        </div>
      </Dialog>
      {duplicates ? (
        <DuplicateDialog
          matches={duplicates.matches}
          busy={saving}
          onClose={() => {
            setDuplicates(null);
            // The save button was disabled while the duplicates were looked up and lost focus; back to the form there.
            requestAnimationFrame(() => saveButton.current?.focus());
          }}
          onOpen={(caseId) => {
            setDuplicates(null);
            void autosave.flush().finally(() => navigate(`/cases/${caseId}`));
          }}
          onSaveAnyway={(reason) =>
            void run(() => create(duplicates.draft, { reason, matchedCaseIds: duplicates.matches.map((m) => m.caseId) }))
          }
        />
      ) : null}
    </FindingsContext.Provider>
  );
}

/** A form's values without what is generated or filled in for the caseworker (ids, who records, the mission). */
function fingerprint(values: unknown): string {
  return JSON.stringify(values, (key, v: unknown) => (key === 'id' || key === 'caseworker' || key === 'missionId' ? undefined : v));
}

/** "Saved" is only claimed when nothing typed since is waiting to be written. */
function DraftStatus({ savedAt, pending, failure }: { savedAt: string | null; pending: boolean; failure: unknown }) {
  const { t } = useTranslation();
  if (failure) return <span className="status status--error intake-draft-status">{t('intake.draft.saveFailed', { reason: describeError(t, failure) })}</span>;
  if (pending) return <span className="muted intake-draft-status">{t('intake.draft.saving')}</span>;
  if (!savedAt) return null;
  return <span className="muted intake-draft-status">{t('intake.draft.saved', { time: localDateTime(savedAt).time })}</span>;
}

/** A message that starts with its field's name («ПИН: …», «Дата рождения 01.01.2090 …») loses it where the name is already said. */
function withoutFieldName(text: string, name: string | undefined): string {
  if (!name) return text;
  for (const separator of [': ', ' — ', ' ']) {
    if (text.startsWith(`${name}${separator}`)) return text.slice(name.length + separator.length);
  }
  return text;
}

/** Findings as a list of buttons: each names its field and moves focus there. */
function FindingList({ items }: { items: PathMessage[] }) {
  const { t } = useTranslation();
  const names = (path: string): string[] => fieldLabel(path).map((p) => t(p.key, p.params));
  const label = (path: string): ReactNode => {
    const parts = names(path);
    return parts.length === 0 ? path : parts.join(' › ');
  };
  return (
    <ul className="intake-findings">
      {items.map((item, index) => (
        <li key={`${item.path}-${index}`}>
          <button type="button" className="link-button" onClick={() => focusField(item.path)}>
            {label(item.path)}: {withoutFieldName(renderMessage(t, item.message), names(item.path).at(-1))}
          </button>
        </li>
      ))}
    </ul>
  );
}
