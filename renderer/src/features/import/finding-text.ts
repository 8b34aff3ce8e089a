import type { RowFinding } from '../../../../shared/import/rows';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const OWN_CODES = new Set(['date_unparsed', 'date_impossible', 'date_partial', 'sex_unknown', 'sex_missing', 'phone_skipped', 'email_skipped', 'document_not_kept', 'empty_row']);

/** One finding of the dry run as a sentence naming the column's field, in the interface language. */
export function findingText(t: Translate, finding: RowFinding): string {
  const field = finding.field ? t(`import.field.${finding.field}`) : t('import.unknownField');
  const params = finding.params ?? {};
  if (finding.code.startsWith('field_')) {
    const problem = t(`validation.${finding.code.slice('field_'.length)}`, params);
    return t('import.finding.fieldIssue', { field, problem });
  }
  if (OWN_CODES.has(finding.code)) return t(`import.finding.${finding.code}`, { ...params, field });
  if (finding.code === 'pin_sex_mismatch') {
    return t('cases.finding.pin_sex_mismatch', { ...params, pinSex: t(`cases.sex.${String(params.pinSex)}`), formSex: t(`cases.sex.${String(params.formSex)}`) });
  }
  // The intake rules' own findings, worded as the intake form words them.
  return t(`cases.finding.${finding.code}`, params);
}
