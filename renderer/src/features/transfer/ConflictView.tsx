import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { describeChange, type DocumentLike } from '../../ui/case/describe';
import { chooseRecord, conflictGroups, groupKey, recordSide, sideOf, type Choices } from '../../data/transfer/choices';
import { recordChanges } from '../../data/transfer/diff';
import type { PlanItem, Side } from '../../data/transfer/plan.repo';

interface Props {
  item: PlanItem;
  caseNumber: string;
  choices: Choices;
  onChoices: (next: Record<string, Side>) => void;
}

const stamp = (row: Record<string, unknown> | null) => (row && typeof row.updatedAt === 'string' ? formatDate(row.updatedAt.slice(0, 10)) : '');

function pick(row: Record<string, unknown> | null, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => row && f in row).map((f) => [f, row![f]]));
}

/**
 * One conflicting record: its differing fields side by side (ours | theirs), a choice for the whole record,
 * and — for each group of fields — whether to take the file's value, so changes made on both sides to
 * different fields can both be kept.
 */
export function ConflictView({ item, caseNumber, choices, onChoices }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const documents = [...((item.ours?.documents as DocumentLike[] | undefined) ?? []), ...((item.theirs.documents as DocumentLike[] | undefined) ?? [])];
  const groups = conflictGroups(item).map((g) => ({
    ...g,
    lines: recordChanges(item.table, pick(item.ours, g.fields), pick(item.theirs, g.fields)).map((change) => ({ field: change.field, line: describeChange(t, change, documents) })),
  }));
  const whole = recordSide(item, choices);
  const title = t('transfer.import.conflictTitle', { what: t(`transfer.import.what.${item.table}`), number: caseNumber });
  return (
    <section className="transfer-conflict" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {groups.length === 0 ? (
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
              <th scope="col">{t('transfer.import.takeField')}</th>
            </tr>
          </thead>
          {groups.map((g) => {
            const side = sideOf(item, g.group, choices);
            return (
              <tbody key={g.group}>
                {g.lines.map(({ field, line }, i) => (
                  <tr key={field}>
                    <th scope="row">{line.label}</th>
                    <td className={side === 'ours' ? 'transfer-conflict__kept' : undefined}>{line.before}</td>
                    <td className={side === 'theirs' ? 'transfer-conflict__kept' : undefined}>{line.after}</td>
                    {i === 0 ? (
                      <td rowSpan={g.lines.length}>
                        <input
                          type="checkbox"
                          aria-label={t('transfer.import.takeFieldOf', { field: g.lines.map((l) => l.line.label).join(', ') })}
                          checked={side === 'theirs'}
                          onChange={(e) => onChoices({ ...choices, [groupKey(item.id, g.group)]: e.target.checked ? 'theirs' : 'ours' })}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      <fieldset className="transfer-conflict__choice">
        <legend>{t('transfer.import.choice')}</legend>
        {(['ours', 'theirs'] as const).map((side) => (
          <label key={side}>
            <input type="radio" name={`${id}-choice`} value={side} checked={whole === side} onChange={() => onChoices(chooseRecord(choices, item.id, side))} />
            {t(side === 'ours' ? 'transfer.import.keepOurs' : 'transfer.import.takeTheirs')}
          </label>
        ))}
        {whole === null ? <span className="muted">{t('transfer.import.mixed')}</span> : null}
      </fieldset>
    </section>
  );
}
