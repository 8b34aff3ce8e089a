import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import type { CaseRow, RequestRow } from '../../data/schema';
import type { Translate } from '../../ui/case/describe';
import { useCaseEditing } from '../../ui/case/editing';
import { requestLabel } from '../../ui/case/labels';
import { NewRequestDialog } from './NewRequestDialog';
import { isAppeal, RequestProgressDialog } from './RequestProgressDialog';
import { documentRegimes } from '../../../../shared/reference/lookup';
import { useReference } from '../../data/reference/reference.repo';
import { SectionHeading } from '../../ui/case/SectionHeading';
import type { CaseTracking } from '../../data/tracking/use-case-tracking';

interface Props {
  record: CaseRow;
  tracking: CaseTracking | undefined;
}

function RequestCard({ request, onEdit }: { request: RequestRow; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  const appeal = isAppeal(request, documentRegimes(useReference()));
  const tr: Translate = (key, params) => t(key, params);
  const label = requestLabel(tr, request);
  const day = (iso: string | undefined) => (iso ? formatDate(iso) : <span className="muted">{t('tracking.requests.notYet')}</span>);
  const row = (term: string, value: ReactNode) => (
    <div className="request-card__item">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  const registered = request.registeredAt
    ? request.theirNumber
      ? t('tracking.requests.registeredNumbered', { date: formatDate(request.registeredAt), number: request.theirNumber })
      : formatDate(request.registeredAt)
    : undefined;
  return (
    <li className="item-card request-card">
      <div className="item-card__head">
        <h3>{label}</h3>
        {onEdit ? (
          <button type="button" className="button button--small" aria-label={t('tracking.requests.edit', { request: label })} onClick={onEdit}>
            {t('tracking.requests.editShort')}
          </button>
        ) : null}
      </div>
      <p className="request-card__addressee">{t('tracking.requests.toAddressee', { addressee: request.addressee })}</p>
      <dl className="request-card__grid">
        {row(t('tracking.requests.sentAt'), formatDate(request.sentAt))}
        {row(t('tracking.requests.receivedAt'), day(request.receivedAt))}
        {appeal ? row(t('tracking.requests.registeredAt'), registered ?? day(undefined)) : null}
        {!appeal && request.theirNumber ? row(t('tracking.requests.theirNumber'), request.theirNumber) : null}
        {request.forwardedAt ? row(t('tracking.requests.forwardedAt'), formatDate(request.forwardedAt)) : null}
        {request.extendedByDays ? row(t('tracking.requests.extendedByDays'), t('tracking.requests.extended', { n: request.extendedByDays })) : null}
        {row(t('tracking.requests.answeredAt'), day(request.answeredAt))}
      </dl>
      {request.answerSummary ? <p className="request-card__text">{t('tracking.requests.answerSummary')}: {request.answerSummary}</p> : null}
      {request.note ? <p className="request-card__text muted">{t('tracking.requests.note')}: {request.note}</p> : null}
    </li>
  );
}

/** Requests, letters and notes sent for the case, with what became of each; adding one starts its clocks. */
export function RequestsPanel({ record, tracking }: Props) {
  const { t } = useTranslation();
  const editing = useCaseEditing();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const requests = tracking?.requests ?? [];
  const current = requests.find((r) => r.id === editingId) ?? null;

  return (
    <section id="requests" className="case-section tracking-panel" aria-labelledby="requests-title">
      <SectionHeading id="requests-title">{t('tracking.section.requests')}</SectionHeading>
      {!tracking ? <p role="status">{t('tracking.loading')}</p> : null}
      {tracking && requests.length === 0 ? <p className="muted">{t('tracking.requests.empty')}</p> : null}
      {requests.length > 0 ? (
        <ul className="item-cards">
          {[...requests].reverse().map((request) => (
            <RequestCard key={request.id} request={request} onEdit={editing ? () => setEditingId(request.id) : null} />
          ))}
        </ul>
      ) : null}
      {editing ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={!tracking}>
            {t('tracking.requests.add')}
          </button>
          <span className="status status--ok" role="status">
            {notice}
          </span>
        </div>
      ) : null}
      {editing && adding ? (
        <NewRequestDialog
          editing={editing}
          region={record.region}
          addressees={tracking?.reference?.addressees ?? []}
          requests={requests}
          onClose={(added) => {
            setAdding(false);
            if (added) setNotice(t('tracking.requests.added'));
          }}
        />
      ) : null}
      {editing && current ? (
        <RequestProgressDialog
          editing={editing}
          request={current}
          onClose={(saved) => {
            setEditingId(null);
            if (saved) setNotice(t('tracking.requests.saved'));
          }}
        />
      ) : null}
    </section>
  );
}
