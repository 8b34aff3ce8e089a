import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCE_LIMITS, type LegalRef, type Verification } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { optional } from '../row-edit';
import { TextArea, VerificationSelect } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  legalRef: LegalRef;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

/** A legal provision's plain-language summary and how sure we are of it (only verified ones are cited). */
export function LegalRefForm({ legalRef, actor, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [summaryRu, setSummaryRu] = useState(legalRef.summaryRu);
  const [verification, setVerification] = useState<Verification>(legalRef.verification);
  const [note, setNote] = useState(legalRef.note ?? '');
  const { state, save, errorAt } = useRowSave('legalRefs', actor, (message) => {
    onSaved(message);
    onClose();
  });

  const title = t('reference.legal.formTitle', { act: legalRef.act, article: legalRef.article || t('reference.legal.wholeAct') });
  return (
    <EditDialog
      title={title}
      state={state}
      onSubmit={() => void save(legalRef.id, { ...legalRef, summaryRu, verification, note: optional(note) })}
      onClose={onClose}
    >
      <TextArea
        label={t('reference.legal.summaryRu')}
        hint={t('reference.legal.summaryHint')}
        required
        lang="ru"
        rows={6}
        maxLength={REFERENCE_LIMITS.text}
        value={summaryRu}
        onValue={setSummaryRu}
        error={errorAt('summaryRu')}
      />
      <VerificationSelect label={t('reference.legal.verification')} value={verification} onValue={setVerification} error={errorAt('verification')} />
      <TextArea label={t('reference.legal.note')} rows={3} maxLength={REFERENCE_LIMITS.note} value={note} onValue={setNote} error={errorAt('note')} />
    </EditDialog>
  );
}
