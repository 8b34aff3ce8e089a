import { useLive } from '../../data/use-live';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftIds } from '../../data/templates/template-drafts.repo';
import { TemplateEditor, titleLanguage } from './TemplateEditor';
import { factoryTemplates, useTemplates } from '../../data/templates/templates.repo';
import { describeError } from '../../ui/error-text';

/** «Шаблоны документов» (#/settings/templates): every template in force, factory or edited, and the editor of one. */
export function TemplatesScreen({ templateId }: { templateId?: string }) {
  if (templateId) return <TemplateEditor key={templateId} id={templateId} />;
  return <TemplateList />;
}

function TemplateList() {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const drafts = useLive(() => draftIds(), []);
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const lang = titleLanguage(i18n.language);

  // The live query swallows a failed fetch from main; ask once more here so the screen can say why it is empty.
  useEffect(() => {
    let alive = true;
    factoryTemplates().catch((error: unknown) => alive && setFailure({ cause: error }));
    return () => {
      alive = false;
    };
  }, []);

  return (
    <div className="screen templates-screen">
      <p className="templates-screen__back">
        <a href="#/settings">{t('templates.back')}</a>
      </p>
      <h1>{t('templates.title')}</h1>
      <p className="muted templates-screen__intro">{t('templates.intro')}</p>
      {failure && !templates ? (
        <p className="status status--error" role="alert">
          {t('templates.unavailable', { reason: describeError(t, failure.cause) })}
        </p>
      ) : null}
      {!templates ? (
        failure ? null : <p role="status">{t('templates.loading')}</p>
      ) : (
        <table className="template-table">
          <caption className="templates-sr-only">{t('templates.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('templates.list.name')}</th>
              <th scope="col">{t('templates.list.state')}</th>
              <th scope="col">{t('templates.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((entry) => {
              const name = entry.template.title[lang];
              return (
                <tr key={entry.id}>
                  <th scope="row">{name}</th>
                  <td>
                    {entry.origin === 'factory' ? (
                      <span className="template-badge template-badge--factory">{t('templates.list.factory')}</span>
                    ) : (
                      <span className="template-badge template-badge--custom">{t('templates.list.custom', { version: entry.version })}</span>
                    )}
                    {drafts?.has(entry.id) ? <span className="template-badge template-badge--draft">{t('templates.list.draft')}</span> : null}
                  </td>
                  <td>
                    <a className="button button--small" href={`#/settings/templates/${entry.id}`} aria-label={t('templates.list.openNamed', { name })}>
                      {t('templates.list.open')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
