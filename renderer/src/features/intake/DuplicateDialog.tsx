import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPartialDate } from '../../../../shared/case/dates';
import { CASE_LIMITS } from '../../../../shared/case/schema';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import type { DuplicateMatch } from '../../data/cases/cases.repo';

interface Props {
  matches: DuplicateMatch[];
  busy: boolean;
  onOpen(caseId: string): void;
  onSaveAnyway(reason: string): void;
  onClose(): void;
}

/** Cases that may be the same person, with what matched; the caseworker opens one or saves with a reason. */
export function DuplicateDialog({ matches, busy, onOpen, onSaveAnyway, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const trimmed = reason.trim();
  const problem = trimmed === '' ? { type: 'required' } : trimmed.length > CASE_LIMITS.text ? { type: 'too_long', message: String(CASE_LIMITS.text) } : undefined;
  return (
    <Dialog open title={t('cases.duplicate.title')} onClose={onClose}>
      <p>{t('cases.duplicate.intro')}</p>
      <ul className="duplicate-list">
        {matches.map((match) => (
          <li key={match.caseId} className="duplicate-list__item">
            <div className="duplicate-list__head">
              <strong>{match.caseNumber}</strong> · {match.summary.nameRu || match.summary.nameKy || match.summary.nameLat}
            </div>
            {match.summary.nameKy && match.summary.nameKy !== match.summary.nameRu ? (
              <div lang="ky">{match.summary.nameKy}</div>
            ) : null}
            {match.summary.nameLat ? <div lang="en">{match.summary.nameLat}</div> : null}
            <div className="muted">
              {t('intake.duplicate.birthDate', { date: formatPartialDate(match.summary.birthDate) })} ·{' '}
              {t('intake.duplicate.status', { status: t(`cases.status.${match.status}`) })}
            </div>
            <div>
              {t('intake.duplicate.matched')}
              <ul>
                {match.reasons.map((r) => (
                  <li key={`${r.reason}-${r.value}`}>{t(`cases.duplicate.reason.${r.reason}`, { value: r.value })}</li>
                ))}
              </ul>
            </div>
            <button type="button" className="button" onClick={() => onOpen(match.caseId)}>
              {t('cases.duplicate.open', { number: match.caseNumber })}
            </button>
          </li>
        ))}
      </ul>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!problem) onSaveAnyway(trimmed);
        }}
      >
        <FieldShell label={t('cases.duplicate.overrideReason')} required error={tried ? problem : undefined}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={2}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('cases.duplicate.saveAnyway')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('cases.duplicate.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
