import { useLive } from '../../data/use-live';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatOutgoingNumber, numberFormatProblem } from '../../../../shared/documents/numbering';
import { localTodayIso } from '../../lib/date-time';
import { useActor } from '../../data/settings/use-actor';
import { loadNumbering, saveNumbering } from '../../data/documents/register.repo';
import { describeError } from '../../ui/error-text';

interface NumberingValues {
  format: string;
}

/** The mission's outgoing number format, with a live example; a format that could repeat numbers is refused. */
export function NumberingPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const actor = useActor();
  const stored = useLive(() => loadNumbering(), []);
  // The stored format fills the form once it is read; what the caseworker is typing is kept if it changes meanwhile.
  const form = useForm<NumberingValues>({
    values: stored ? { format: stored.format } : { format: '' },
    resetOptions: { keepDirtyValues: true },
    mode: 'onChange',
  });
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const value = useWatch({ control: form.control, name: 'format' });
  const problem = stored ? numberFormatProblem(value) : null;
  const year = Number(localTodayIso().slice(0, 4));
  const example = !problem && value ? formatOutgoingNumber(value, { prefix: actor?.missionPrefix || 'КР', seq: 17, year }) : '';

  const submit = form.handleSubmit(async ({ format }) => {
    if (!actor || numberFormatProblem(format)) return;
    try {
      await saveNumbering({ format }, actor);
      form.reset({ format });
      setNotice({ ok: true, text: t('documents.numbering.saved') });
    } catch (error) {
      // The typed format stays in the box; the stored one is unchanged.
      setNotice({ ok: false, text: describeError(t, error) });
    }
  });

  const field = form.register('format', {
    validate: (format) => numberFormatProblem(format) === null,
    onChange: () => setNotice(null),
  });

  return (
    <section className="panel numbering-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('documents.numbering.title')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <div className={problem ? 'field field--invalid' : 'field'}>
          <label htmlFor={inputId}>{t('documents.numbering.format')}</label>
          <input
            {...field}
            id={inputId}
            type="text"
            maxLength={60}
            disabled={!stored}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${inputId}-hint ${inputId}-msg`}
          />
          <div id={`${inputId}-hint`} className="field__hint">
            {t('documents.numbering.hint')}
          </div>
          <div id={`${inputId}-msg`} className={problem ? 'field__error' : 'field__hint'}>
            {problem ? t(`documents.numbering.problem.${problem}`) : example ? t('documents.numbering.example', { example }) : ''}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!actor || Boolean(problem) || !form.formState.isDirty || form.formState.isSubmitting}>
            {t('documents.numbering.save')}
          </button>
          <span className={notice?.ok === false ? 'status status--error' : 'status status--ok'} role="status">
            {notice?.text ?? ''}
          </span>
        </div>
      </form>
    </section>
  );
}
