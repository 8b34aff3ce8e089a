import { useEffect, useState } from 'react';
import { useForm, type Control, type FieldError, type FieldPath, type FieldValues, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { APPEAL_CHANNELS, APPEAL_LIMITS, appealAnswerSchema, newAppealSchema, type AppealAnswer, type NewAppeal } from '../../../../shared/appeals/appeal';
import { formatDate } from '../../../../shared/case/dates';
import { addAppeal, answerAppeal } from '../../data/appeals/appeals.repo';
import type { AppealRow } from '../../data/schema';
import type { CaseEditing } from '../../ui/case/editing';
import { codeResolver } from '../../ui/code-resolver';
import { ControlledDateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FieldShell } from '../../ui/FieldShell';
import { describeError } from '../../ui/error-text';
import { setIssues } from '../../ui/form-issues';
import { localTodayIso } from '../../lib/date-time';

type Mode = { kind: 'record' } | { kind: 'answer'; appeal: AppealRow };

interface Props {
  editing: CaseEditing;
  mode: Mode;
  onClose(saved: AppealRow | null): void;
}

/** What each form tells the dialog: whether something typed would be lost by closing it. */
interface FormProps extends Omit<Props, 'mode'> {
  onDirty(dirty: boolean): void;
  /** Closing without saving: the dialog asks first when something was typed. */
  onCancel(): void;
}

/** The channel list, registered with the form, inside the common field frame. */
function ChannelSelect({ label, error, register }: { label: string; error: FieldError | undefined; register: UseFormRegisterReturn }) {
  const { t } = useTranslation();
  return (
    <FieldShell label={label} error={error ? { type: error.type, message: error.message ?? '' } : undefined} required>
      {({ id, describedBy, invalid }) => (
        <select {...register} id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {APPEAL_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`appeals.channel.${channel}`)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * A form's date box: text that is not a date is said at the box (and stops saving); an error the form set in
 * words (an answer before its request) is shown as written, any other by its code.
 */
function AppealDate<T extends FieldValues>({ control, name, label, unreadable, onUnreadable, error }: { control: Control<T>; name: FieldPath<T>; label: string; unreadable: boolean; onUnreadable(unreadable: boolean): void; error: FieldError | undefined }) {
  const { t } = useTranslation();
  const shown = unreadable ? t('appeals.form.notDate') : error ? (error.type === 'before' ? (error.message ?? '') : { type: error.type, message: error.message ?? '' }) : undefined;
  return <ControlledDateField control={control} name={name} label={label} required autoFocus onReadable={(readable) => onUnreadable(!readable)} error={shown} />;
}

function TextBox({ label, hint, error, maxLength, register }: { label: string; hint?: string; error: FieldError | undefined; maxLength: number; register: UseFormRegisterReturn }) {
  return (
    <FieldShell label={label} hint={hint} error={error ? { type: error.type, message: error.message ?? '' } : undefined} required className="field--wide">
      {({ id, describedBy, invalid }) => <textarea {...register} id={id} rows={5} maxLength={maxLength} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required />}
    </FieldShell>
  );
}

/** Records a citizen's request to the mission. The typed text stays in the form until it is saved. */
function RecordForm({ editing, onClose, onDirty, onCancel }: FormProps) {
  const { t } = useTranslation();
  const form = useForm<NewAppeal>({ resolver: codeResolver(newAppealSchema), defaultValues: { receivedOn: localTodayIso(), channel: 'in_person', request: '' } });
  const dirty = form.formState.isDirty;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const [failure, setFailure] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    if (unreadable) return;
    try {
      const result = await addAppeal(editing.caseId, values, editing.actor);
      if (result.ok) onClose(result.value);
      else setFailure(setIssues(t, form.setError, result.issues, ['receivedOn', 'channel', 'request']).join('\n'));
    } catch (error) {
      setFailure(t('appeals.form.failed', { reason: describeError(t, error) }));
    }
  });
  return (
    <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
      <AppealDate control={form.control} name="receivedOn" label={t('appeals.form.receivedOn')} unreadable={unreadable} onUnreadable={setUnreadable} error={errors.receivedOn} />
      <ChannelSelect label={t('appeals.form.channel')} error={errors.channel} register={form.register('channel')} />
      <TextBox label={t('appeals.form.request')} hint={t('appeals.form.requestHint')} maxLength={APPEAL_LIMITS.request} error={errors.request} register={form.register('request')} />
      <Actions busy={form.formState.isSubmitting} failure={failure} onCancel={onCancel} />
    </form>
  );
}

/** Records (or corrects) the mission's answer to one request. */
function AnswerForm({ editing, appeal, onClose, onDirty, onCancel }: FormProps & { appeal: AppealRow }) {
  const { t } = useTranslation();
  const form = useForm<AppealAnswer>({
    resolver: codeResolver(appealAnswerSchema),
    defaultValues: { answeredOn: appeal.answeredOn ?? localTodayIso(), answerChannel: appeal.answerChannel ?? appeal.channel, answerText: appeal.answerText ?? '' },
  });
  const dirty = form.formState.isDirty;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const [failure, setFailure] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    if (unreadable) return;
    if (values.answeredOn < appeal.receivedOn) {
      form.setError('answeredOn', { type: 'before', message: t('appeals.form.answerBefore', { date: formatDate(appeal.receivedOn) }) });
      return;
    }
    try {
      const result = await answerAppeal(appeal.id, values, editing.actor);
      if (result.ok) onClose(result.value);
      else setFailure(setIssues(t, form.setError, result.issues, ['answeredOn', 'answerChannel', 'answerText']).join('\n'));
    } catch (error) {
      setFailure(t('appeals.form.failed', { reason: describeError(t, error) }));
    }
  });
  const dateError = errors.answeredOn;
  return (
    <form noValidate className="tracking-form" onSubmit={(event) => void submit(event)}>
      <p className="muted">{`${t('appeals.received', { date: formatDate(appeal.receivedOn), channel: t(`appeals.channel.${appeal.channel}`) })}: ${appeal.request}`}</p>
      <AppealDate control={form.control} name="answeredOn" label={t('appeals.form.answeredOn')} unreadable={unreadable} onUnreadable={setUnreadable} error={dateError} />
      <ChannelSelect label={t('appeals.form.answerChannel')} error={errors.answerChannel} register={form.register('answerChannel')} />
      <TextBox label={t('appeals.form.answerText')} maxLength={APPEAL_LIMITS.answer} error={errors.answerText} register={form.register('answerText')} />
      <Actions busy={form.formState.isSubmitting} failure={failure} onCancel={onCancel} />
    </form>
  );
}

function Actions({ busy, failure, onCancel }: { busy: boolean; failure: string; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <>
      {failure ? (
        <p className="status status--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('appeals.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('appeals.form.cancel')}
        </button>
      </div>
    </>
  );
}

/**
 * The dialog to record a citizen's request, or the answer to one. Closing it with something typed asks first,
 * and going back keeps every typed value (the forms stay mounted underneath).
 */
export function AppealDialog({ editing, mode, onClose }: Props) {
  const { t } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const cancel = () => (dirty ? setAsking(true) : onClose(null));
  const formProps = { editing, onClose, onDirty: setDirty, onCancel: cancel };
  return (
    <Dialog open title={t(mode.kind === 'record' ? 'appeals.form.recordTitle' : 'appeals.form.answerTitle')} onClose={() => (asking ? setAsking(false) : cancel())}>
      <div hidden={asking}>{mode.kind === 'record' ? <RecordForm {...formProps} /> : <AnswerForm {...formProps} appeal={mode.appeal} />}</div>
      {asking ? (
        <div role="group" aria-labelledby="appeal-discard-text" className="tracking-form">
          <p id="appeal-discard-text">{t('appeals.form.discardText')}</p>
          <div className="form-actions">
            <button type="button" className="button" autoFocus onClick={() => setAsking(false)}>
              {t('appeals.form.keep')}
            </button>
            <button type="button" className="button button--danger" onClick={() => onClose(null)}>
              {t('appeals.form.discard')}
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
