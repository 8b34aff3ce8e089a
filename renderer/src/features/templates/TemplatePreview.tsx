import { useTranslation } from 'react-i18next';
import { describeIpcError } from '../../ui/ipc-error';
import type { PreviewCase } from '../../data/templates/preview-inputs.repo';
import type { PreviewState } from './use-preview';
import { describeError } from '../../ui/error-text';

interface Props {
  /** '' for the built-in sample, else a case id. */
  sample: string;
  cases: readonly PreviewCase[];
  onSampleChange(caseId: string): void;
  state: PreviewState;
  updating: boolean;
  /** The template has errors: what is shown is the last valid state. */
  stale: boolean;
}

/** The preview pages (images drawn from the real PDF) with their text for screen readers, and why there is none. */
export function TemplatePreview({ sample, cases, onSampleChange, state, updating, stale }: Props) {
  const { t } = useTranslation();
  return (
    <section className="template-preview" aria-labelledby="template-preview-title" aria-busy={updating} tabIndex={0}>
      <h2 id="template-preview-title">{t('templates.preview.title')}</h2>
      <div className="field template-preview__sample">
        <label htmlFor="template-preview-sample">{t('templates.preview.sampleLabel')}</label>
        <select id="template-preview-sample" value={sample} onChange={(event) => onSampleChange(event.target.value)}>
          <option value="">{t('templates.preview.sampleBuiltIn')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <p className="muted template-preview__hint">{sample ? t('templates.preview.caseHint') : t('templates.preview.hint')}</p>
      <p role="status" className="template-preview__status">
        {updating ? (
          <>
            <span className="template-spinner" aria-hidden="true" /> {t('templates.preview.updating')}
          </>
        ) : state.status === 'ready' ? (
          t('templates.preview.pages', { count: state.pages.length })
        ) : null}
      </p>
      {stale ? <p className="warnings">{t('templates.preview.stale')}</p> : null}
      {state.status === 'missing' ? <p className="errors">{t('templates.preview.missing', { labels: state.labels.join('; ') })}</p> : null}
      {state.status === 'unknown_fields' ? <p className="errors">{t('templates.preview.unknownFields', { fields: state.fields.map((f) => `{{${f}}}`).join(', ') })}</p> : null}
      {state.status === 'failed' ? (
        <p className="errors">{t('templates.preview.failed', { reason: state.error.code === 'RENDER' ? describeError(t, state.error.cause) : describeIpcError(t, state.error) })}</p>
      ) : null}
      {state.status === 'ready' ? (
        <ol className={stale || updating ? 'template-pages template-pages--dim' : 'template-pages'}>
          {state.pages.map((page) => (
            <li key={page.url} className="template-page">
              <figure>
                <img src={page.url} width={page.width} height={page.height} alt={t('templates.preview.page', { number: page.number, count: state.pages.length })} />
                <figcaption className="muted">{t('templates.preview.page', { number: page.number, count: state.pages.length })}</figcaption>
              </figure>
              <div className="templates-sr-only" data-testid={`preview-page-text-${page.number}`}>
                {t('templates.preview.pageText', { number: page.number })}: {page.text}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
