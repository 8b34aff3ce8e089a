import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * Closing a form that holds typed, unsaved input asks first; an untouched form closes at once. `request` is what
 * the form's Cancel button, Escape and the dialog's close call; `dialog` is rendered beside the form.
 */
export function useDiscardGuard(dirty: boolean, discard: () => void): { request: () => void; dialog: ReactNode } {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const request = () => (dirty ? setAsking(true) : discard());
  const dialog = asking ? (
    <Dialog open title={t('discard.title')} onClose={() => setAsking(false)}>
      <p>{t('discard.text')}</p>
      <div className="form-actions">
        {/* Keeping the input is the safe answer: it comes first, so the modal's opening focus and Enter keep it. */}
        <button type="button" className="button button--primary" onClick={() => setAsking(false)}>
          {t('discard.keep')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            setAsking(false);
            discard();
          }}
        >
          {t('discard.confirm')}
        </button>
      </div>
    </Dialog>
  ) : null;
  return { request, dialog };
}
