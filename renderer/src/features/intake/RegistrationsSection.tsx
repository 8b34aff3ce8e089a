import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, emptyRegistration, REGISTRATION_CHANNELS } from '../../../../shared/case/schema';
import { DateField, SelectInput, TextInput } from './fields';
import { ItemList } from './ItemList';

export function RegistrationsSection() {
  const { t } = useTranslation();
  return (
    <ItemList name="registrations" blank={() => emptyRegistration()} firstField="address" max={CASE_LIMITS.registrations}>
      {(i) => (
        <>
          <TextInput name={`registrations.${i}.address`} label={t('intake.registrations.address')} required className="field--wide" />
          <div className="grid">
            <TextInput name={`registrations.${i}.host`} label={t('intake.registrations.host')} />
            <DateField name={`registrations.${i}.from`} label={t('intake.registrations.from')} required />
            <DateField name={`registrations.${i}.to`} label={t('intake.registrations.to')} required />
            <SelectInput
              name={`registrations.${i}.how`}
              label={t('intake.registrations.how')}
              required
              empty={null}
              options={REGISTRATION_CHANNELS.map((v) => ({ value: v, label: t(`cases.registrationChannel.${v}`) }))}
            />
          </div>
        </>
      )}
    </ItemList>
  );
}
