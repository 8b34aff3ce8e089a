import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { ErrorList } from '../../ui/ErrorList';
import { describeError } from '../../ui/error-text';

interface Props {
  title: string;
  question: string;
  confirmLabel: string;
  /** Resolves to problems to show (the action was refused) or nothing when it succeeded. */
  onConfirm(): Promise<string[] | void>;
  onClose(): void;
}

/** Asks before something is taken away; mounted only while open (one dialog on the page at a time). */
export function ConfirmDialog({ title, question, confirmLabel, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <Dialog open title={title} onClose={onClose}>
      <p>{question}</p>
      <ErrorList messages={problems} />
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const refused = await onConfirm();
              if (refused && refused.length > 0) setProblems(refused);
              else onClose();
            } catch (error) {
              setProblems([describeError(t, error)]);
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('casePage.edit.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
