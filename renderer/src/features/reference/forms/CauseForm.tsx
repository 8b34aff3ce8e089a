import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REFERENCE_LIMITS, type ErrorCause } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { localized } from '../../../ui/reference-display';
import { TextArea } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  cause: ErrorCause;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

/** The explanation of an error cause, as caseworkers read it and retell it to citizens, in Russian and Kyrgyz. */
export function CauseForm({ cause, actor, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const form = useForm({ defaultValues: { ru: cause.explanation.ru, ky: cause.explanation.ky } });
  const { state, save, errorAt } = useRowSave('causes', actor, (message) => {
    onSaved(message);
    onClose();
  });

  return (
    <EditDialog
      title={t('reference.cause.formTitle', { id: cause.id, title: localized(cause.title, i18n.language) })}
      state={state}
      dirty={form.formState.isDirty}
      onSubmit={() => void form.handleSubmit(({ ru, ky }) => save(cause.id, { ...cause, explanation: { ...cause.explanation, ru, ky } }))()}
      onClose={onClose}
    >
      <TextArea label={t('reference.cause.explanationRu')} required lang="ru" rows={7} maxLength={REFERENCE_LIMITS.text} {...form.register('ru')} error={errorAt('explanation.ru')} />
      <TextArea label={t('reference.cause.explanationKy')} required lang="ky" rows={7} maxLength={REFERENCE_LIMITS.text} {...form.register('ky')} error={errorAt('explanation.ky')} />
    </EditDialog>
  );
}
