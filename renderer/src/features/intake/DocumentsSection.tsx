import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, DOCUMENT_STATUSES, DOCUMENT_TYPES, emptyDocument } from '../../../../shared/case/schema';
import { CheckboxInput, DateField, SelectInput, TextInput } from './fields';
import { ItemList } from './ItemList';

export function DocumentsSection() {
  const { t } = useTranslation();
  return (
    <ItemList name="documents" blank={() => emptyDocument()} firstField="type" max={CASE_LIMITS.documents}>
      {(i) => (
        <>
          <div className="grid">
            <SelectInput
              name={`documents.${i}.type`}
              label={t('intake.documents.type')}
              required
              empty={null}
              options={DOCUMENT_TYPES.map((v) => ({ value: v, label: t(`cases.documentType.${v}`) }))}
            />
            <TextInput name={`documents.${i}.series`} label={t('intake.documents.series')} autoComplete="off" spellCheck={false} />
            <TextInput name={`documents.${i}.number`} label={t('intake.documents.number')} required autoComplete="off" spellCheck={false} />
            <DateField name={`documents.${i}.issueDate`} label={t('intake.documents.issueDate')} required />
            <DateField name={`documents.${i}.expiryDate`} label={t('intake.documents.expiryDate')} required />
            <SelectInput
              name={`documents.${i}.status`}
              label={t('intake.documents.status')}
              empty={false}
              options={DOCUMENT_STATUSES.map((v) => ({ value: v, label: t(`cases.documentStatus.${v}`) }))}
            />
          </div>
          <TextInput name={`documents.${i}.issuer`} label={t('intake.documents.issuer')} className="field--wide" />
          <CheckboxInput name={`documents.${i}.usedForEntry`} label={t('intake.documents.usedForEntry')} />
        </>
      )}
    </ItemList>
  );
}
