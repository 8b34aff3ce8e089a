import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { addresseeMatches, verificationCounts } from '../../../ui/reference-display';
import { AddresseeForm } from '../forms/AddresseeForm';
import { EditableRefTable } from './EditableRefTable';
import { rowMark, VerificationBadge } from '../VerificationBadge';

interface Props {
  bundle: ReferenceBundle;
  actor: Actor | null;
  onSaved(message: string): void;
}

/** The Russian bodies letters go to, with a filter: there are about ninety. */
export function AddresseesTab({ bundle, actor, onSaved }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [onlyUnchecked, setOnlyUnchecked] = useState(false);
  const deferred = useDeferredValue(query);
  const filterId = useId();
  const rows = bundle.addressees.filter((a) => addresseeMatches(a, deferred, onlyUnchecked));

  return (
    <EditableRefTable
      headingId="ref-addressees"
      title={t('reference.table.addressees')}
      intro={
        <>
          <p className="muted">{t('reference.counts', verificationCounts(bundle.addressees))}</p>
          <div className="ref-filter">
            <div className="field">
              <label htmlFor={filterId}>{t('reference.addressee.filter')}</label>
              <input id={filterId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={onlyUnchecked} onChange={(event) => setOnlyUnchecked(event.target.checked)} />
              {t('reference.addressee.onlyUnchecked')}
            </label>
          </div>
          <p className="ref-filter__count" role="status">
            {rows.length > 0 ? t('reference.addressee.shown', { shown: rows.length, total: bundle.addressees.length }) : t('reference.addressee.nothing')}
          </p>
        </>
      }
      rows={rows}
      columns={[
        {
          header: t('reference.columns.name'),
          cell: (a) => (
            <>
              <div>{a.nameRu}</div>
              <div className="muted ref-table__sub">
                {t(`reference.addressee.kind.${a.kind}`)}
                {a.regions.length > 0 ? ` · ${t('reference.addressee.regions', { list: a.regions.join(', ') })}` : null}
              </div>
            </>
          ),
        },
        {
          header: t('reference.columns.address'),
          cell: (a) => (
            <>
              {a.address ? <div>{a.address}</div> : null}
              <VerificationBadge value={a.addressVerification} subject="address" />
            </>
          ),
        },
        { header: t('reference.columns.salutation'), cell: (a) => a.salutation },
        { header: t('reference.columns.verifiedOn'), cell: (a) => (a.verifiedOn ? formatDate(a.verifiedOn) : t('reference.none')) },
      ]}
      rowClass={(a) => rowMark(a.verification, a.addressVerification)}
      actor={actor}
      rowName={(a) => a.nameRu}
      editor={(row, editor, close) => <AddresseeForm addressee={row} actor={editor} onSaved={onSaved} onClose={close} />}
    />
  );
}
