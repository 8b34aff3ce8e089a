import { useLive } from '../../data/use-live';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOutgoingNumber, numberFormatProblem } from '../../../../shared/documents/numbering';
import { db } from '../../data/schema';
import { localTodayIso } from '../../lib/date-time';
import { useActor } from '../../data/settings/use-actor';
import { loadNumbering, saveNumbering } from '../../data/documents/register.repo';

/** The mission's outgoing number format, with a live example; a format that could repeat numbers is refused. */
export function NumberingPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const actor = useActor();
  const stored = useLive(() => loadNumbering(db()), []);
  const [format, setFormat] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const value = format ?? stored?.format ?? '';
  const problem = stored ? numberFormatProblem(value) : null;
  const year = Number(localTodayIso().slice(0, 4));
  const example = !problem && value ? formatOutgoingNumber(value, { prefix: actor?.missionPrefix || 'КР', seq: 17, year }) : '';

  return (
    <section className="panel numbering-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('documents.numbering.title')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!actor || problem) return;
          void saveNumbering(db(), { format: value }, actor).then(() => {
            setFormat(null);
            setNotice(t('documents.numbering.saved'));
          });
        }}
      >
        <div className={problem ? 'field field--invalid' : 'field'}>
          <label htmlFor={inputId}>{t('documents.numbering.format')}</label>
          <input
            id={inputId}
            type="text"
            value={value}
            maxLength={60}
            disabled={!stored}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${inputId}-hint ${inputId}-msg`}
            onChange={(event) => {
              setFormat(event.target.value);
              setNotice('');
            }}
          />
          <div id={`${inputId}-hint`} className="field__hint">
            {t('documents.numbering.hint')}
          </div>
          <div id={`${inputId}-msg`} className={problem ? 'field__error' : 'field__hint'}>
            {problem ? t(`documents.numbering.problem.${problem}`) : example ? t('documents.numbering.example', { example }) : ''}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!actor || Boolean(problem) || format === null}>
            {t('documents.numbering.save')}
          </button>
          <span className="status status--ok" role="status">
            {notice}
          </span>
        </div>
      </form>
    </section>
  );
}
