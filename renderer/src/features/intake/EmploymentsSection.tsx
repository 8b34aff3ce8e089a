import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, CONTRACT_TYPES, emptyEmployment, type IntakeDraft } from '../../../../shared/case/schema';
import { DateField, SelectInput, TextInput } from './fields';
import { GapTimeline } from './GapTimeline';
import { ItemList } from './ItemList';

export function EmploymentsSection({ today }: { today: string }) {
  const { t } = useTranslation();
  return (
    <ItemList name="employments" blank={() => emptyEmployment()} firstField="employer" max={CASE_LIMITS.employments}>
      {(i) => (
        <>
          <div className="grid">
            <TextInput name={`employments.${i}.employer`} label={t('intake.employments.employer')} required />
            <TextInput name={`employments.${i}.employerInn`} label={t('intake.employments.employerInn')} inputMode="numeric" autoComplete="off" />
            <SelectInput
              name={`employments.${i}.contractType`}
              label={t('intake.employments.contractType')}
              required
              empty={null}
              options={CONTRACT_TYPES.map((v) => ({ value: v, label: t(`cases.contractType.${v}`) }))}
            />
            <TextInput name={`employments.${i}.contractNumber`} label={t('intake.employments.contractNumber')} autoComplete="off" />
            <DateField name={`employments.${i}.start`} label={t('intake.employments.start')} required />
            <ContractEnd index={i} />
            <DateField name={`employments.${i}.earlyTerminationDate`} label={t('intake.employments.earlyTerminationDate')} />
            <DateField name={`employments.${i}.employerNotifiedDate`} label={t('intake.employments.employerNotifiedDate')} />
          </div>
          <GapTimeline index={i} today={today} />
        </>
      )}
    </ItemList>
  );
}

/** A fixed-term contract has an end date; an open-ended one stores null. */
function ContractEnd({ index }: { index: number }) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<IntakeDraft>();
  const end = useWatch({ control, name: `employments.${index}.end` });
  const openEnded = end === null;
  return (
    <div className="intake-contract-end">
      <label className="intake-check">
        <input
          type="checkbox"
          checked={openEnded}
          onChange={(event) => setValue(`employments.${index}.end`, event.target.checked ? null : '', { shouldDirty: true })}
        />
        <span>{t('intake.employments.openEnded')}</span>
      </label>
      {openEnded ? null : <DateField name={`employments.${index}.end`} label={t('intake.employments.end')} required />}
    </div>
  );
}
