import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REFERENCE_LIMITS, type LegalRef } from '../../../../../shared/reference/schema';
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
  const form = useForm({ defaultValues: { summaryRu: legalRef.summaryRu, verification: legalRef.verification, note: legalRef.note ?? '' } });
  const { state, save, errorAt } = useRowSave('legalRefs', actor, (message) => {
    onSaved(message);
    onClose();
  });

  const title = t('reference.legal.formTitle', { act: legalRef.act, article: legalRef.article || t('reference.legal.wholeAct') });
  return (
    <EditDialog
      title={title}
      state={state}
      dirty={form.formState.isDirty}
      onSubmit={() => void form.handleSubmit(({ summaryRu, verification, note }) => save(legalRef.id, { ...legalRef, summaryRu, verification, note: optional(note) }))()}
      onClose={onClose}
    >
      <TextArea
        label={t('reference.legal.summaryRu')}
        hint={t('reference.legal.summaryHint')}
        required
        lang="ru"
        rows={6}
        maxLength={REFERENCE_LIMITS.text}
        {...form.register('summaryRu')}
        error={errorAt('summaryRu')}
      />
      <VerificationSelect label={t('reference.legal.verification')} {...form.register('verification')} error={errorAt('verification')} />
      <TextArea label={t('reference.legal.note')} rows={3} maxLength={REFERENCE_LIMITS.note} {...form.register('note')} error={errorAt('note')} />
    </EditDialog>
  );
}
