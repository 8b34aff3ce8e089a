import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseworkerProfileSchema, LIMITS, missionSettingsSchema } from '../../../../shared/settings/schema';
import { codeResolver } from '../../ui/code-resolver';
import { TextField } from '../../ui/TextField';
import { MissionCardPanel } from './MissionCardPanel';
import { NumberingPanel } from './NumberingPanel';
import { SupportPanel } from './SupportPanel';
import { AuditCheckPanel } from './AuditCheckPanel';
import { SettingsLinkPanel } from './SettingsLinkPanel';
import { loadSettings, saveSettings, type StoredSettings } from '../../data/settings/settings.repo';
import { useShortcutProps } from '../../ui/shortcuts';
import { TextSizePanel } from '../../ui/TextSizePanel';
import { describeError } from '../../ui/error-text';
import { isAdministrator } from '../../lib/session';

const formSchema = z.object({ mission: missionSettingsSchema, caseworker: caseworkerProfileSchema });
type FormValues = z.infer<typeof formSchema>;

type Status = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; cause: unknown } | null;

export function SettingsScreen() {
  const { t } = useTranslation();
  const shortcut = useShortcutProps();
  const [stored, setStored] = useState<StoredSettings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const form = useForm<FormValues>({ resolver: codeResolver(formSchema), mode: 'onTouched' });
  const { register, handleSubmit, reset, formState } = form;
  const errors = formState.errors;

  useEffect(() => {
    let alive = true;
    loadSettings().then(
      (loaded) => {
        if (!alive) return;
        setStored(loaded);
        reset({ mission: loaded.mission, caseworker: loaded.caseworker });
      },
      (error: unknown) => alive && setStatus({ kind: 'failed', cause: error }),
    );
    return () => {
      alive = false;
    };
  }, [reset]);

  const onSave = handleSubmit(
    async (values) => {
      try {
        const saved = await saveSettings(values);
        setStored(saved);
        reset(values);
        setStatus({ kind: 'saved' });
      } catch (error) {
        setStatus({ kind: 'failed', cause: error });
      }
    },
    () => setStatus({ kind: 'invalid' }),
  );

  if (!stored) return <p role="status">{t('app.loading')}</p>;
  // A caseworker sees no administrator's screens (main refuses their channels too).
  const admin = isAdministrator();

  return (
    <div className="screen">
      <h1>{t('settings.title')}</h1>
      <form
        className="settings-form"
        noValidate
        onSubmit={onSave}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
            event.preventDefault();
            void onSave();
          }
        }}
      >
        <fieldset>
          <legend>{t('settings.mission.title')}</legend>
          <TextField label={t('settings.mission.nameRu')} required maxLength={LIMITS.name} error={errors.mission?.nameRu} {...register('mission.nameRu')} />
          <TextField label={t('settings.mission.nameKy')} required maxLength={LIMITS.name} lang="ky" error={errors.mission?.nameKy} {...register('mission.nameKy')} />
          <TextField label={t('settings.mission.address')} required maxLength={LIMITS.address} error={errors.mission?.address} {...register('mission.address')} />
          <TextField label={t('settings.mission.phones')} maxLength={LIMITS.phones} error={errors.mission?.phones} {...register('mission.phones')} />
          <TextField
            label={t('settings.mission.outgoingPrefix')}
            hint={t('settings.mission.outgoingPrefixHint')}
            required
            maxLength={LIMITS.prefix}
            error={errors.mission?.outgoingPrefix}
            {...register('mission.outgoingPrefix')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('settings.caseworker.title')}</legend>
          <TextField label={t('settings.caseworker.fullName')} required maxLength={LIMITS.personName} error={errors.caseworker?.fullName} {...register('caseworker.fullName')} />
          <TextField label={t('settings.caseworker.position')} required maxLength={LIMITS.position} error={errors.caseworker?.position} {...register('caseworker.position')} />
          <TextField label={t('settings.caseworker.phone')} maxLength={LIMITS.phone} error={errors.caseworker?.phone} {...register('caseworker.phone')} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting} {...shortcut('save')}>
            {formState.isSubmitting ? t('settings.saving') : t('settings.save')}
          </button>
          <span role="status" className={status?.kind === 'saved' ? 'status status--ok' : 'status status--error'}>
            {status?.kind === 'saved' && !formState.isDirty ? t('settings.saved') : null}
            {status?.kind === 'invalid' ? t('settings.invalid') : null}
            {status?.kind === 'failed' ? t('settings.saveFailed', { reason: describeError(t, status.cause) }) : null}
          </span>
        </div>
      </form>
      <TextSizePanel />
      <MissionCardPanel settings={stored} dirty={formState.isDirty} />
      <NumberingPanel />
      <SettingsLinkPanel name="accounts" description={admin ? undefined : t('accounts.settingsLink.descriptionOwn')} />
      {admin ? (
        <>
          <SettingsLinkPanel name="reference" />
          <SettingsLinkPanel name="templates" />
        </>
      ) : null}
      <AuditCheckPanel />
      {admin ? <SettingsLinkPanel name="backup" /> : null}
      {admin ? <SettingsLinkPanel name="sync" /> : null}
      <SupportPanel />
    </div>
  );
}
