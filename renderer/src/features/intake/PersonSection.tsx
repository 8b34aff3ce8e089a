import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { normalizePin } from '../../../../shared/case/pin';
import { CASE_LIMITS, LANGUAGES, PATRONYMIC_FORMS, SEXES, type IntakeDraft } from '../../../../shared/case/schema';
import { BirthDateField, DateField, SelectInput, StringListField, TextInput } from './fields';

const SCRIPTS = [
  { group: 'nameKy', lang: 'ky' },
  { group: 'nameRu', lang: 'ru' },
  { group: 'nameLat', lang: 'en' },
] as const;

const upper = (text: string) => text.trim().toUpperCase();

export function PersonSection() {
  const { t } = useTranslation();
  return (
    <section className="intake-section" aria-labelledby="intake-person">
      <h2 id="intake-person">{t('intake.sections.person')}</h2>
      <div className="intake-names">
        {SCRIPTS.map(({ group, lang }) => (
          <fieldset key={group}>
            <legend>{t(`intake.person.${group}`)}</legend>
            {(['surname', 'givenName', 'patronymic'] as const).map((part) => (
              <TextInput
                key={part}
                name={`person.${group}.${part}`}
                label={t(`intake.person.${part}`)}
                required={group === 'nameRu' && part !== 'patronymic'}
                lang={lang}
                spellCheck={false}
                autoComplete="off"
              />
            ))}
          </fieldset>
        ))}
      </div>
      <div className="grid">
        <SelectInput
          name="person.patronymicForm"
          label={t('intake.person.patronymicForm')}
          required
          empty={null}
          options={PATRONYMIC_FORMS.map((v) => ({ value: v, label: t(`cases.patronymicForm.${v}`) }))}
        />
        <SelectInput name="person.sex" label={t('intake.person.sex')} required empty={null} options={SEXES.map((v) => ({ value: v, label: t(`cases.sex.${v}`) }))} />
      </div>
      <StringListField
        name="person.otherSpellings"
        legend={t('intake.person.otherSpellings')}
        itemLabel={(n) => t('intake.person.otherSpelling', { n })}
        addLabel={t('intake.person.addSpelling')}
        removeLabel={(n) => t('intake.person.removeSpelling', { n })}
        max={CASE_LIMITS.otherSpellings}
      />
      <BirthDateField />
      <div className="grid">
        <TextInput name="person.placeOfBirth" label={t('intake.person.placeOfBirth')} />
        <TextInput name="person.citizenship" label={t('intake.person.citizenship')} hint={t('intake.person.citizenshipHint')} setValueAs={upper} autoComplete="off" />
        <TextInput
          name="person.secondCitizenship"
          label={t('intake.person.secondCitizenship')}
          setValueAs={(text) => (text.trim() === '' ? undefined : upper(text))}
          autoComplete="off"
        />
        <TextInput name="person.pin" label={t('intake.person.pin')} hint={t('intake.person.pinHint')} inputMode="numeric" autoComplete="off" normalizeOnBlur={normalizePin} />
      </div>
      <StringListField
        name="person.phones"
        legend={t('intake.person.phones')}
        itemLabel={(n) => t('intake.person.phone', { n })}
        addLabel={t('intake.person.addPhone')}
        removeLabel={(n) => t('intake.person.removePhone', { n })}
        max={CASE_LIMITS.phones}
        inputType="tel"
      />
      <div className="grid">
        <TextInput name="person.email" label={t('intake.person.email')} type="email" autoComplete="off" />
        <SelectInput
          name="person.preferredLanguage"
          label={t('intake.person.preferredLanguage')}
          required
          empty={null}
          options={LANGUAGES.map((v) => ({ value: v, label: t(`cases.language.${v}`) }))}
        />
        <DateField name="person.consentDate" label={t('intake.person.consentDate')} />
      </div>
      <TextInput name="person.ruPostalAddress" label={t('intake.person.ruPostalAddress')} className="field--wide" />
      <TextInput name="person.kgAddress" label={t('intake.person.kgAddress')} className="field--wide" />
      <RepresentativeFields />
    </section>
  );
}

function RepresentativeFields() {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<IntakeDraft>();
  const representative = useWatch({ control, name: 'person.representative' });
  const present = representative !== undefined;
  return (
    <div className="intake-representative">
      <label className="intake-check">
        <input
          type="checkbox"
          checked={present}
          onChange={(event) =>
            setValue('person.representative', event.target.checked ? { name: '', document: '', powerOfAttorney: '' } : undefined, { shouldDirty: true })
          }
        />
        <span>{t('intake.person.hasRepresentative')}</span>
      </label>
      {present ? (
        <fieldset>
          <legend>{t('intake.person.representative')}</legend>
          <TextInput name="person.representative.name" label={t('intake.person.representativeFields.name')} required />
          <TextInput name="person.representative.document" label={t('intake.person.representativeFields.document')} />
          <TextInput name="person.representative.powerOfAttorney" label={t('intake.person.representativeFields.powerOfAttorney')} className="field--wide" />
        </fieldset>
      ) : null}
    </div>
  );
}

