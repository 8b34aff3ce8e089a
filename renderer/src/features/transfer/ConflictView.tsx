import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { describeChange, type DocumentLike } from '../case-page/describe';
import { recordChanges } from './diff';
import type { PlanItem, Side } from './plan';

interface Props {
  item: PlanItem;
  caseNumber: string;
  choice: Side;
  onChoose: (side: Side) => void;
}

const stamp = (row: Record<string, unknown> | null) => (row && typeof row.updatedAt === 'string' ? formatDate(row.updatedAt.slice(0, 10)) : '');

/** One conflicting record: its differing fields side by side (ours | theirs) and the choice of which to keep. */
export function ConflictView({ item, caseNumber, choice, onChoose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const changes = recordChanges(item.table, item.ours, item.theirs).filter((c) => c.field !== 'case.updatedAt' && c.field !== 'person.updatedAt' && c.field !== 'updatedAt');
  const documents = [...((item.ours?.documents as DocumentLike[] | undefined) ?? []), ...((item.theirs.documents as DocumentLike[] | undefined) ?? [])];
  const title = t('transfer.import.conflictTitle', { what: t(`transfer.import.what.${item.table}`), number: caseNumber });
  return (
    <section className="transfer-conflict" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('transfer.import.onlyStamp')}</p>
      ) : (
        <table className="transfer-conflict__table">
          <thead>
            <tr>
              <th scope="col">{t('transfer.import.field')}</th>
              <th scope="col">
                {t('transfer.import.ours')} <span className="muted">{stamp(item.ours) && t('transfer.import.updatedAt', { date: stamp(item.ours) })}</span>
              </th>
              <th scope="col">
                {t('transfer.import.theirs')} <span className="muted">{stamp(item.theirs) && t('transfer.import.updatedAt', { date: stamp(item.theirs) })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => {
              const line = describeChange(t, change, documents);
              return (
                <tr key={change.field}>
                  <th scope="row">{line.label}</th>
                  <td className={choice === 'ours' ? 'transfer-conflict__kept' : undefined}>{line.before}</td>
                  <td className={choice === 'theirs' ? 'transfer-conflict__kept' : undefined}>{line.after}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <fieldset className="transfer-conflict__choice">
        <legend>{t('transfer.import.choice')}</legend>
        {(['ours', 'theirs'] as const).map((side) => (
          <label key={side}>
            <input type="radio" name={`${id}-choice`} value={side} checked={choice === side} onChange={() => onChoose(side)} />
            {t(side === 'ours' ? 'transfer.import.keepOurs' : 'transfer.import.takeTheirs')}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
