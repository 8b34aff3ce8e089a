import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCE_LIMITS, type ReferenceBundle, type ReferenceTerm, type Verification } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { optional } from '../row-edit';
import { Select, TextArea, TextInput, VerificationSelect } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  row: ReferenceTerm;
  bundle: ReferenceBundle;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

/** One term in days: how many, its legal basis and how sure we are of it. */
export function TermForm({ row, bundle, actor, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [days, setDays] = useState(String(row.days));
  const [verification, setVerification] = useState<Verification>(row.verification);
  const [legalRef, setLegalRef] = useState(row.legalRef ?? '');
  const [note, setNote] = useState(row.note ?? '');
  const { state, save, errorAt } = useRowSave('terms', actor, (message) => {
    onSaved(message);
    onClose();
  });
  // A blank or non-numeric box goes to the schema as NaN, so the refusal comes back at the field.
  const count = days.trim() === '' ? Number.NaN : Number(days);
  const dirty = days !== String(row.days) || verification !== row.verification || legalRef !== (row.legalRef ?? '') || note !== (row.note ?? '');
  return (
    <EditDialog
      title={t('reference.term.formTitle', { name: t(`reference.term.name.${row.id}`) })}
      state={state}
      dirty={dirty}
      onSubmit={() => void save(row.id, { ...row, days: count, verification, legalRef: legalRef === '' ? null : legalRef, note: optional(note) })}
      onClose={onClose}
    >
      <TextInput
        label={t('reference.term.days')}
        hint={t(`reference.term.use.${row.id}`)}
        required
        type="number"
        min={0}
        max={365}
        step={1}
        inputMode="numeric"
        value={days}
        onValue={setDays}
        error={errorAt('days')}
      />
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
