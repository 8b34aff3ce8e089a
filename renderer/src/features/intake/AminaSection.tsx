import { useTranslation } from 'react-i18next';
import { CheckboxInput, DateField, TextInput } from './fields';

export function AminaSection() {
  const { t } = useTranslation();
  return (
    <section className="intake-section" aria-labelledby="intake-amina">
      <h2 id="intake-amina">{t('intake.sections.amina')}</h2>
      <CheckboxInput name="amina.registered" label={t('intake.amina.registered')} />
      <div className="grid">
        <TextInput name="amina.cardNumber" label={t('intake.amina.cardNumber')} autoComplete="off" />
        <DateField name="amina.registeredDate" label={t('intake.amina.registeredDate')} />
        <DateField name="amina.deregisteredDate" label={t('intake.amina.deregisteredDate')} />
      </div>
      <TextInput name="amina.deregistrationReason" label={t('intake.amina.deregistrationReason')} className="field--wide" />
    </section>
  );
}
