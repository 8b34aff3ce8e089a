import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, emptyStay, STAY_PURPOSES, type IntakeDraft } from '../../../../shared/case/schema';
import { CheckboxInput, DateField, SelectInput, TextInput } from './fields';
import { ItemList } from './ItemList';

export function StaysSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<IntakeDraft>();
  const documents = useWatch({ control, name: 'documents' });
  // Entries point at the person's documents by id; the choice lists them as the form numbers them.
  const documentOptions = documents.map((d, index) => ({
    value: d.id,
    label: t('intake.stays.documentOption', { n: index + 1, number: `${d.series} ${d.number}`.trim() || '—' }),
  }));
  return (
    <ItemList name="stays" blank={() => emptyStay()} firstField="entryDate" max={CASE_LIMITS.stays}>
      {(i) => (
        <>
          <div className="grid">
            <DateField name={`stays.${i}.entryDate`} label={t('intake.stays.entryDate')} required />
            <TextInput name={`stays.${i}.checkpoint`} label={t('intake.stays.checkpoint')} />
            <SelectInput name={`stays.${i}.documentId`} label={t('intake.stays.documentId')} empty="" options={documentOptions} />
            <TextInput name={`stays.${i}.migrationCard`} label={t('intake.stays.migrationCard')} autoComplete="off" />
            <SelectInput
              name={`stays.${i}.purpose`}
              label={t('intake.stays.purpose')}
              required
              empty={null}
              options={STAY_PURPOSES.map((v) => ({ value: v, label: t(`cases.purpose.${v}`) }))}
            />
            <DateField name={`stays.${i}.exitDate`} label={t('intake.stays.exitDate')} />
          </div>
          <CheckboxInput name={`stays.${i}.exitRecorded`} label={t('intake.stays.exitRecorded')} />
        </>
      )}
    </ItemList>
  );
}
