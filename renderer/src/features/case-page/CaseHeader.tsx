import { useTranslation } from 'react-i18next';
import { formatDate, formatPartialDate } from '../../../../shared/case/dates';
import { fullName } from '../../../../shared/search/case-keys';
import type { CaseRow, PersonRow } from '../../data/schema';
import { currentDocument } from '../../data/cases/case-rows';
import { formatDateTime } from '../../lib/date-time';
import { documentName, type Translate } from '../../ui/case/describe';

interface Props {
  record: CaseRow;
  person: PersonRow;
  /** Case numbers of the cases a duplicate override was saved against, by id. */
  matchedNumbers: Record<string, string>;
}

/** Who the case is about and where it stands, at a glance. */
export function CaseHeader({ record, person, matchedNumbers }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const doc = currentDocument(person.documents);
  const empty = <span className="muted">{t('casePage.value.empty')}</span>;
  const row = (label: string, value: string, lang?: string) => (
    <div className="case-header__item">
      <dt>{label}</dt>
      <dd lang={lang}>{value || empty}</dd>
    </div>
  );
  return (
    <header className="case-header">
      <div className="case-header__title">
        <h1>{t('casePage.title', { number: record.number })}</h1>
        <span className={`status-badge status-badge--${record.status}`} data-testid="case-status">
          {t(`cases.status.${record.status}`)}
        </span>
      </div>
      <dl className="case-header__grid">
        {row(t('casePage.header.nameRu'), fullName(person.nameRu), 'ru')}
        {row(t('casePage.header.nameKy'), fullName(person.nameKy), 'ky')}
        {row(t('casePage.header.nameLat'), fullName(person.nameLat), 'en')}
        {row(t('casePage.header.birthDate'), person.birthDate ? formatPartialDate(person.birthDate) : '')}
        {row(t('casePage.header.pin'), person.pin)}
        {row(
          t('casePage.header.document'),
          doc ? t('casePage.header.documentValue', { document: documentName(tr, doc), expiry: formatDate(doc.expiryDate) }) : '',
        )}
        {row(t('casePage.header.status'), t(`cases.status.${record.status}`))}
        {row(t('casePage.header.region'), record.region)}
        {row(t('casePage.header.caseworker'), record.caseworker)}
        {row(t('casePage.header.created'), formatDateTime(record.createdAt))}
        {row(t('casePage.header.updated'), formatDateTime(record.updatedAt))}
      </dl>
      {record.duplicateOverride ? (
        <p className="case-header__override">
          {t('casePage.header.duplicateOverride', { reason: record.duplicateOverride.reason })}{' '}
          {record.duplicateOverride.matchedCaseIds.map((id, i) => (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              <a href={`#/cases/${id}`}>{matchedNumbers[id] ?? id}</a>
            </span>
          ))}
        </p>
      ) : null}
    </header>
  );
}
