import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyIntake, type IntakeDraft } from '../../../../shared/case/schema';
import { useActor } from '../../data/settings/use-actor';
import { discardDraft, loadDraft, type StoredDraft } from '../../data/intake/intake-drafts.repo';
import { Dialog } from '../../ui/Dialog';
import { IntakeForm } from './IntakeForm';
import { localDateTime } from '../../lib/date-time';
import { describeError } from '../../ui/error-text';

type Start =
  | { kind: 'loading' }
  | { kind: 'offer'; draft: StoredDraft }
  | { kind: 'form'; initial: IntakeDraft; savedAt: string | null }
  | { kind: 'failed'; cause: unknown };

/**
 * `#/cases/new`. A draft left by a closed window or a crash is offered back before the form opens, so a
 * fresh form can never overwrite it by accident.
 */
export function IntakeScreen() {
  const { t } = useTranslation();
  const actor = useActor();
  const [start, setStart] = useState<Start>({ kind: 'loading' });
  // A new case after a confirmed «start over» is a new form, not the old one emptied field by field.
  const [formKey, setFormKey] = useState(0);
  const startOver = () =>
    discardDraft().then(
      () => {
        setFormKey((k) => k + 1);
        setStart({ kind: 'form', initial: emptyIntake(), savedAt: null });
      },
      (error: unknown) => setStart({ kind: 'failed', cause: error }),
    );

  useEffect(() => {
    let alive = true;
    loadDraft().then(
      (draft) => alive && setStart(draft ? { kind: 'offer', draft } : { kind: 'form', initial: emptyIntake(), savedAt: null }),
      (error: unknown) => alive && setStart({ kind: 'failed', cause: error }),
    );
    return () => {
      alive = false;
    };
  }, []);

  let body;
  if (actor === undefined || start.kind === 'loading') body = <p role="status">{t('app.loading')}</p>;
  else if (actor === null)
    body = (
      <p className="panel">
        {t('intake.needsSettings')} <a href="#/settings">{t('intake.openSettings')}</a>
      </p>
    );
  else if (start.kind === 'failed') body = <p className="status status--error">{describeError(t, start.cause)}</p>;
  else if (start.kind === 'offer')
    body = (
      <DraftOffer
        savedAt={start.draft.savedAt}
        onRestore={() => setStart({ kind: 'form', initial: start.draft.data, savedAt: start.draft.savedAt })}
        onDiscard={() => void startOver()}
      />
    );
  else body = <IntakeForm key={formKey} initial={start.initial} initialSavedAt={start.savedAt} actor={actor} onStartOver={startOver} />;

  return (
    <div className="screen intake">
      <h1 id="intake-title">{t('intake.title')}</h1>
      {body}
    </div>
  );
}

function DraftOffer({ savedAt, onRestore, onDiscard }: { savedAt: string; onRestore(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const restore = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => restore.current?.focus());
    return () => cancelAnimationFrame(id);
  }, []);
  const { date, time } = localDateTime(savedAt);
  return (
    <div className="panel intake-draft-offer" role="region" aria-labelledby="intake-draft-found">
      <p id="intake-draft-found">{t('intake.draft.found')}</p>
      <div className="form-actions">
        <button ref={restore} type="button" className="button button--primary" onClick={onRestore}>
          {t('intake.draft.restore', { date, time })}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('intake.draft.discard')}
        </button>
      </div>
      <Dialog open={confirming} title={t('intake.fresh.discardDraftTitle')} onClose={() => setConfirming(false)}>
        <p>{t('intake.fresh.discardDraftText')}</p>
        <div className="form-actions">
          <button type="button" className="button button--danger" onClick={onDiscard}>
            {t('intake.fresh.discardDraftConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('intake.fresh.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
