import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LEARNED_HOW, type Language, type LearnedHow } from '../../../../shared/case/schema';
import type { ImportOpenResult } from '../../../../shared/ipc/channels/import';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/import/fields';
import { RUSSIAN_REGIONS } from '../../../../shared/reference/regions';
import { DateInput } from '../../ui/DateInput';

export interface DefaultsDraft {
  region: string;
  learnedAt: string;
  learnedHow: LearnedHow;
  language: Language;
}

interface Props {
  file: Extract<ImportOpenResult, { status: 'parsed' }>;
  mapping: ImportMapping;
  saved: boolean;
  defaults: DefaultsDraft;
  problems: string[];
  onMapping(mapping: ImportMapping): void;
  onDefaults(defaults: DefaultsDraft): void;
  onSheet(sheet: string): void;
  onCheck(): void;
}

/** First few non-empty values of a column, so the caseworker sees what it holds. */
function samples(rows: readonly string[][], column: number): string {
  const out: string[] = [];
  for (const row of rows) {
    const v = row[column] ?? '';
    if (v !== '' && !out.includes(v)) out.push(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (out.length >= 3) break;
  }
  return out.join(' · ');
}

export function MappingStep({ file, mapping, saved, defaults, problems, onMapping, onDefaults, onSheet, onCheck }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const table = file.table;
  const delimiter = file.delimiter === '\t' ? t('import.file.tab') : file.delimiter;
  const canCheck = problems.length === 0 && table.rows.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(defaults.learnedAt);
  return (
    <section className="import__mapping" aria-labelledby={`${id}-title`}>
      <p className="import__file">
        <strong>{t('import.file.summary', { name: file.fileName, count: table.rows.length })}</strong>
        <span className="muted"> — {file.format === 'csv' ? t('import.file.csv', { encoding: file.encoding.toUpperCase(), delimiter }) : t('import.file.xlsx', { sheet: file.sheet })}</span>
      </p>
      {table.truncated ? <p role="status" className="field__warning">{t('import.file.truncated', { count: table.totalRows, read: table.rows.length })}</p> : null}
      {file.sheets.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-sheet`}>{t('import.file.sheet')}</label>
          <select id={`${id}-sheet`} value={file.sheet} onChange={(e) => onSheet(e.target.value)}>
            {file.sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
      ) : null}
      <h2 id={`${id}-title`}>{t('import.mapping.title')}</h2>
      <p className="muted">{saved ? t('import.mapping.saved') : t('import.mapping.hint')}</p>
      <table className="import__table">
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.column')}</th>
            <th scope="col">{t('import.mapping.sample')}</th>
            <th scope="col">{t('import.mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {table.headers.map((header, i) => (
            <tr key={i}>
              <th scope="row">{header}</th>
              <td className="muted">{samples(table.rows, i)}</td>
              <td>
                <select
                  aria-label={t('import.mapping.field') + ': ' + header}
                  value={mapping[i] ?? ''}
                  onChange={(e) => onMapping(mapping.map((f, j) => (j === i ? (e.target.value as ImportField | '') : f)))}
                >
                  <option value="">{t('import.mapping.ignore')}</option>
                  {IMPORT_FIELDS.map((f) => <option key={f} value={f}>{t(`import.field.${f}`)}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 ? (
        <ul className="import__problems" role="alert">
          {problems.map((p) => <li key={p} className="status--error">{p}</li>)}
        </ul>
      ) : null}
      <fieldset className="import__defaults">
        <legend>{t('import.defaults.title')}</legend>
        <p className="field__hint">{t('import.defaults.hint')}</p>
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('import.defaults.region')}</label>
          <input id={`${id}-region`} list={`${id}-regions`} maxLength={200} value={defaults.region} onChange={(e) => onDefaults({ ...defaults, region: e.target.value })} />
          <datalist id={`${id}-regions`}>
            {RUSSIAN_REGIONS.map((r) => <option key={r} value={r} />)}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-learned`}>{t('import.defaults.learnedAt')}</label>
          <DateInput id={`${id}-learned`} value={defaults.learnedAt} onChange={(iso) => onDefaults({ ...defaults, learnedAt: iso })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-how`}>{t('import.defaults.learnedHow')}</label>
          <select id={`${id}-how`} value={defaults.learnedHow} onChange={(e) => onDefaults({ ...defaults, learnedHow: e.target.value as LearnedHow })}>
            {LEARNED_HOW.map((h) => <option key={h} value={h}>{t(`cases.learnedHow.${h}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('import.defaults.language')}</label>
          <select id={`${id}-lang`} value={defaults.language} onChange={(e) => onDefaults({ ...defaults, language: e.target.value as Language })}>
            {LANGUAGES.map((l) => <option key={l} value={l}>{t(`cases.language.${l}`)}</option>)}
          </select>
        </div>
      </fieldset>
      <button type="button" className="button button--primary" disabled={!canCheck} onClick={onCheck}>{t('import.check')}</button>
    </section>
  );
}
