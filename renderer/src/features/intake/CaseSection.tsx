import { useTranslation } from 'react-i18next';
import { IMPACTS, LEARNED_HOW } from '../../../../shared/case/schema';
import { RUSSIAN_REGIONS } from '../../../../shared/reference/regions';
import { CheckboxGroup, DateField, SelectInput, TextArea, TextInput } from './fields';

export function CaseSection() {
  const { t } = useTranslation();
  return (
    <section className="intake-section" aria-labelledby="intake-case">
      <h2 id="intake-case">{t('intake.sections.case')}</h2>
      <div className="grid">
        <TextInput name="case.region" label={t('intake.case.region')} hint={t('intake.case.regionHint')} required list="intake-regions" autoComplete="off" />
        <DateField name="case.learnedAt" label={t('intake.case.learnedAt')} required />
        <SelectInput
          name="case.learnedHow"
          label={t('intake.case.learnedHow')}
          required
          empty={null}
          options={LEARNED_HOW.map((v) => ({ value: v, label: t(`cases.learnedHow.${v}`) }))}
        />
      </div>
      <datalist id="intake-regions">
        {RUSSIAN_REGIONS.map((region) => (
          <option key={region} value={region} />
        ))}
      </datalist>
      <TextArea name="case.learnedNote" label={t('intake.case.learnedNote')} className="field--wide" />
      <CheckboxGroup name="case.impacts" legend={t('intake.case.impacts')} options={IMPACTS.map((v) => ({ value: v, label: t(`cases.impact.${v}`) }))} />
    </section>
  );
}
