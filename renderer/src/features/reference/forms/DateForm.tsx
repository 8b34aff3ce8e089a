import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCE_LIMITS, type ReferenceBundle, type ReferenceDate, type Verification } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { optional } from '../row-edit';
import { Select, TextArea, TextInput, VerificationSelect } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  row: ReferenceDate;
  bundle: ReferenceBundle;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

/** One law-dependent date: the day itself, its legal basis and how sure we are of it. */
export function DateForm({ row, bundle, actor, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState(row.date);
  const [verification, setVerification] = useState<Verification>(row.verification);
  const [legalRef, setLegalRef] = useState(row.legalRef ?? '');
  const [note, setNote] = useState(row.note ?? '');
  const { state, save, errorAt } = useRowSave('dates', actor, (message) => {
    onSaved(message);
    onClose();
  });
  return (
    <EditDialog
      title={t('reference.date.formTitle', { name: t(`reference.date.${row.id}`) })}
      state={state}
      onSubmit={() => void save(row.id, { ...row, date, verification, legalRef: legalRef === '' ? null : legalRef, note: optional(note) })}
      onClose={onClose}
    >
      <TextInput label={t('reference.columns.date')} hint={t(`reference.date.use.${row.id}`)} required type="date" value={date} onValue={setDate} error={errorAt('date')} />
      <Select label={t('reference.columns.basis')} value={legalRef} onValue={setLegalRef} error={errorAt('legalRef')}>
        <option value="">{t('reference.none')}</option>
        {bundle.legalRefs.map((r) => (
          <option key={r.id} value={r.id}>
            {`${r.article ? `${r.article} ` : ''}${r.act}`}
          </option>
        ))}
      </Select>
      <VerificationSelect label={t('reference.legal.verification')} value={verification} onValue={setVerification} error={errorAt('verification')} />
      <TextArea label={t('reference.legal.note')} rows={3} maxLength={REFERENCE_LIMITS.note} value={note} onValue={setNote} error={errorAt('note')} />
    </EditDialog>
  );
}
