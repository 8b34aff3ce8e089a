import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealClock, openAppeals, type AppealClock } from '../../../../shared/appeals/appeal';
import { formatDate } from '../../../../shared/case/dates';
import { CLOSED_STATUSES } from '../../../../shared/deadlines/facts';
import { appealAnswerTerm } from '../../../../shared/reference/lookup';
import { useAppeals } from '../../data/appeals/use-appeals';
import { useReference } from '../../data/reference/reference.repo';
import type { AppealRow, CaseRow } from '../../data/schema';
import { localTodayIso } from '../../lib/date-time';
import { useOpenFromRoute } from '../../lib/route-open';
import { useCaseEditing } from '../../ui/case/editing';
import { SectionHeading } from '../../ui/case/SectionHeading';
import { AppealDialog } from './AppealDialog';

type Open = { kind: 'record' } | { kind: 'answer'; appeal: AppealRow } | null;

function ClockLine({ clock }: { clock: AppealClock }) {
  const { t } = useTranslation();
  const left = clock.overdue ? t('appeals.overdue', { count: -clock.daysLeft }) : clock.daysLeft === 0 ? t('appeals.dueToday') : t('appeals.dueIn', { count: clock.daysLeft });
  return (
    <div className={clock.overdue ? 'appeal-card__clock appeal-card__clock--late' : 'appeal-card__clock'}>
      {t('appeals.due', { date: formatDate(clock.due) })} — <strong>{left}</strong>
    </div>
  );
}

/**
 * The citizen's own requests to the mission, with the answer clock of each still open, and the dialogs to
 * record a request and its answer. The work queue's «Ответить заявителю» opens the answer to the earliest
 * open request (`open=appeal`).
 */
export function AppealsPanel({ record }: { record: CaseRow }) {
  const { t } = useTranslation();
  const editing = useCaseEditing();
  const appeals = useAppeals(record.id);
  const term = appealAnswerTerm(useReference());
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const today = localTodayIso();
  const caseOpen = !CLOSED_STATUSES.includes(record.status);

  useOpenFromRoute('open', 'appeal', Boolean(editing && appeals), () => {
    const first = openAppeals(appeals ?? [])[0];
    setOpen(first ? { kind: 'answer', appeal: first } : { kind: 'record' });
  });

  return (
    <section id="appeals" className="case-section tracking-panel" aria-labelledby="appeals-title">
      <SectionHeading id="appeals-title">{t('appeals.section')}</SectionHeading>
      <p className="muted">{t('appeals.intro')}</p>
      {!appeals ? <p role="status">{t('appeals.loading')}</p> : null}
      {appeals && appeals.length === 0 ? <p className="muted">{t('appeals.empty')}</p> : null}
      {appeals && appeals.length > 0 ? (
        <ul className="item-cards">
          {[...appeals].reverse().map((appeal) => {
            const clock = appealClock(appeal, term.days, today);
            return (
              <li key={appeal.id} className="item-card appeal-card" data-appeal={appeal.id}>
                <div>{t('appeals.received', { date: formatDate(appeal.receivedOn), channel: t(`appeals.channel.${appeal.channel}`) })}</div>
                <div className="appeal-card__request">{appeal.request}</div>
                {clock ? <ClockLine clock={clock} /> : null}
                {appeal.answeredOn && appeal.answerChannel ? (
                  <>
                    <div>{t('appeals.answeredOn', { date: formatDate(appeal.answeredOn), channel: t(`appeals.channel.${appeal.answerChannel}`) })}</div>
                    <div className="appeal-card__answer">{appeal.answerText}</div>
                  </>
                ) : null}
                {editing ? (
                  <div className="form-actions">
                    <button type="button" className="button button--small" onClick={() => setOpen({ kind: 'answer', appeal })}>
                      {t(appeal.answeredOn ? 'appeals.editAnswer' : 'appeals.answer')}
                    </button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <p className="muted">{t('appeals.termNote', { days: term.days, state: t(`reference.verification.${term.verification}`) })}</p>
      {editing ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setOpen({ kind: 'record' })} disabled={!appeals || !caseOpen}>
            {t('appeals.add')}
          </button>
          <span className="status status--ok" role="status">
            {notice}
          </span>
        </div>
      ) : null}
      {editing && open ? (
        <AppealDialog
          editing={editing}
          mode={open}
          onClose={(saved) => {
            const was = open;
            setOpen(null);
            if (!saved) return;
            setNotice(was.kind === 'record' ? t('appeals.added', { date: formatDate(appealClock(saved, term.days, today)?.due ?? saved.receivedOn) }) : t('appeals.answered'));
          }}
        />
      ) : null}
    </section>
  );
}
