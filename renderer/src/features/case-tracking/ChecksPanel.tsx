import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { CLOSED_STATUSES } from '../../../../shared/deadlines/facts';
import { NO_DEADLINE } from '../../data/row-values';
import type { CaseRow, CheckRow, PersonRow } from '../../data/schema';
import { documentName, type Translate } from '../../ui/case/describe';
import { useCaseEditing } from '../../ui/case/editing';
import { closeAsExcluded } from '../../data/tracking/checks.repo';
import { errorText } from './form-problems';
import { checkDayOf, checkMoment } from '../../ui/case/labels';
import { NewCheckDialog } from './NewCheckDialog';
import { useOpenFromRoute } from '../../lib/route-open';
import { SectionHeading } from '../../ui/case/SectionHeading';
import type { CaseTracking } from '../../data/tracking/use-case-tracking';
import { localTodayIso } from '../../lib/date-time';

interface Props {
  record: CaseRow;
  person: PersonRow;
  tracking: CaseTracking | undefined;
  /** The screenshots kept for one check (the attachments feature draws them; the app shell wires it in). */
  checkFiles?: (check: CheckRow) => ReactNode;
}

function inputsUsed(t: Translate, check: CheckRow, person: Pick<PersonRow, 'documents'>): string {
  const doc = check.documentId ? person.documents.find((d) => d.id === check.documentId) : undefined;
  return [
    doc ? t('tracking.checks.inputDocument', { document: documentName(t, doc) }) : '',
    check.issueDate ? t('tracking.checks.inputIssueDate', { date: formatDate(check.issueDate) }) : '',
    t(`tracking.checks.birthDate.${check.birthDateMode}`),
  ]
    .filter(Boolean)
    .join('; ');
}

/** The latest look at the register; several at the same moment count as «listed» if any says so. */
function latestCheck(checks: readonly CheckRow[]): CheckRow | undefined {
  return [...checks].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : Number(a.listed) - Number(b.listed))).pop();
}

/** The log of register checks, the next planned one, and the proposal to close once the person is gone from the register. */
export function ChecksPanel({ record, person, tracking, checkFiles }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const editing = useCaseEditing();
  const [adding, setAdding] = useState(false);
  // The work queue's «Проверить по реестру» opens the new check straight away.
  useOpenFromRoute('open', 'check', Boolean(editing && tracking) && !CLOSED_STATUSES.includes(record.status), () => setAdding(true));
  const [notice, setNotice] = useState('');
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState('');
  const focusProposal = useRef<string | null>(null);
  const proposalRef = useRef<HTMLDivElement>(null);
  const checks = tracking?.checks ?? [];
  const latest = latestCheck(checks);
  const open = !CLOSED_STATUSES.includes(record.status);
  const proposal = open && latest && !latest.listed && dismissed !== latest.id ? latest : null;
  const today = localTodayIso();

  // The new check reaches the page through the live query after the dialog has closed (and given focus back
  // to its opener); the proposal is what needs an answer, so focus moves there once it is on screen.
  const proposalId = proposal?.id;
  useEffect(() => {
    if (!proposalId || focusProposal.current !== proposalId) return;
    focusProposal.current = null;
    proposalRef.current?.focus();
  }, [proposalId]);

  const close = async (check: CheckRow) => {
    if (!editing || closing) return;
    setClosing(true);
    setCloseError('');
    try {
      const day = checkDayOf(check);
      await closeAsExcluded(editing.caseId, day, editing.actor);
      setNotice(t('tracking.checks.proposal.done', { date: formatDate(day) }));
      // The proposal and its buttons are gone with the open case: keep keyboard users in this panel.
      document.getElementById('checks-title')?.focus();
    } catch (error) {
      setCloseError(errorText(error, tr));
    } finally {
      setClosing(false);
    }
  };

  const next = () => {
    if (!open) return null;
    if (record.nextCheck === NO_DEADLINE) return <p className="muted">{t('tracking.checks.noNextCheck')}</p>;
    const due = record.nextCheck <= today;
    return (
      <p className={due ? 'tracking-next tracking-next--due' : 'tracking-next'}>
        {t(due ? 'tracking.checks.nextCheckOverdue' : 'tracking.checks.nextCheck', { date: formatDate(record.nextCheck) })}
      </p>
    );
  };

  return (
    <section id="checks" className="case-section tracking-panel" aria-labelledby="checks-title">
      <SectionHeading id="checks-title">{t('tracking.section.checks')}</SectionHeading>
      {!tracking ? <p role="status">{t('tracking.loading')}</p> : null}
      {tracking ? next() : null}
      {proposal && editing ? (
        <div ref={proposalRef} className="exclusion-proposal" role="region" aria-labelledby="exclusion-proposal-title" tabIndex={-1}>
          <h3 id="exclusion-proposal-title">{t('tracking.checks.proposal.title')}</h3>
          <p>{t('tracking.checks.proposal.text', { date: formatDate(checkDayOf(proposal)) })}</p>
          {closeError ? (
            <p className="status status--error" role="alert">
              {closeError}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={closing} onClick={() => void close(proposal)}>
              {t('tracking.checks.proposal.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setDismissed(proposal.id)}>
              {t('tracking.checks.proposal.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
      {tracking && checks.length === 0 ? <p className="muted">{t('tracking.checks.empty')}</p> : null}
      {checks.length > 0 ? (
        <div className="tracking-table-wrap">
          <table className="tracking-table checks-log">
            <caption className="tracking-sr-only">{t('tracking.checks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tracking.checks.column.at')}</th>
                <th scope="col">{t('tracking.checks.column.channel')}</th>
                <th scope="col">{t('tracking.checks.column.inputs')}</th>
                <th scope="col">{t('tracking.checks.column.listed')}</th>
                <th scope="col">{t('tracking.checks.column.text')}</th>
                <th scope="col">{t('tracking.checks.column.screenshot')}</th>
              </tr>
            </thead>
            <tbody>
              {[...checks].reverse().map((check) => (
                <tr key={check.id}>
                  <th scope="row">
                    <time dateTime={check.at}>{checkMoment(check.at)}</time>
                  </th>
                  <td>{t(`tracking.checks.channelName.${check.channel}`)}</td>
                  <td>{inputsUsed(tr, check, person)}</td>
                  <td className={check.listed ? 'check-result check-result--listed' : 'check-result check-result--clear'}>
                    {t(check.listed ? 'tracking.checks.listedYes' : 'tracking.checks.listedNo')}
                  </td>
                  <td className="tracking-table__text">{check.resultText || t('tracking.dash')}</td>
                  <td className="tracking-table__text">
                    {check.screenshotNote || t('tracking.dash')}
                    {checkFiles?.(check)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={!tracking}>
            {t('tracking.checks.add')}
          </button>
        </div>
      ) : null}
      <p className="status status--ok" role="status">
        {notice}
      </p>
      {editing && adding ? (
        <NewCheckDialog
          editing={editing}
          documents={person.documents}
          onClose={(added) => {
            setAdding(false);
            if (!added) return;
            setNotice(t('tracking.checks.added'));
            if (added.proposeExclusion) {
              setDismissed(null);
              focusProposal.current = added.check.id;
            }
          }}
        />
      ) : null}
    </section>
  );
}
