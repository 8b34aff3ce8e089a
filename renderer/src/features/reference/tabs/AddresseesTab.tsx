import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import type { ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { addresseeMatches, verificationCounts } from '../../../ui/reference-display';
import { AddresseeForm } from '../forms/AddresseeForm';
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
  const [editing, setEditing] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const filterId = useId();
  const rows = bundle.addressees.filter((a) => addresseeMatches(a, deferred, onlyUnchecked));
  const addressee = editing ? bundle.addressees.find((a) => a.id === editing) : undefined;

  return (
    <section className="ref-section" aria-labelledby="ref-addressees">
      <h2 id="ref-addressees">{t('reference.table.addressees')}</h2>
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
      <table className="ref-table">
        <thead>
          <tr>
            <th scope="col">{t('reference.columns.name')}</th>
            <th scope="col">{t('reference.columns.address')}</th>
            <th scope="col">{t('reference.columns.salutation')}</th>
            <th scope="col">{t('reference.columns.verifiedOn')}</th>
            <th scope="col">{t('reference.columns.verification')}</th>
            {actor ? <th scope="col">{t('reference.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className={rowMark(a.verification, a.addressVerification)}>
              <td>
                <div>{a.nameRu}</div>
                <div className="muted ref-table__sub">
                  {t(`reference.addressee.kind.${a.kind}`)}
                  {a.regions.length > 0 ? ` · ${t('reference.addressee.regions', { list: a.regions.join(', ') })}` : null}
                </div>
              </td>
              <td>
                {a.address ? <div>{a.address}</div> : null}
                <VerificationBadge value={a.addressVerification} subject="address" />
              </td>
              <td>{a.salutation}</td>
              <td>{a.verifiedOn ? formatDate(a.verifiedOn) : t('reference.none')}</td>
              <td>
                <VerificationBadge value={a.verification} />
              </td>
              {actor ? (
                <td>
                  <button type="button" className="button button--small" aria-label={t('reference.editRow', { name: a.nameRu })} onClick={() => setEditing(a.id)}>
                    {t('reference.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {addressee && actor ? <AddresseeForm addressee={addressee} actor={actor} onSaved={onSaved} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
