import { useTranslation } from 'react-i18next';

/** The settings screens reached from the settings page; each feature words its own link under `<name>.settingsLink`. */
export type SettingsLink = 'accounts' | 'reference' | 'templates' | 'backup' | 'sync';

/** A panel that names another settings screen, says what it holds and opens it. */
export function SettingsLinkPanel({ name, description }: { name: SettingsLink; description?: string }) {
  const { t } = useTranslation();
  const headingId = `settings-${name}-title`;
  return (
    <section className="panel settings-reference" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`${name}.settingsLink.title`)}</h2>
      <p>{description ?? t(`${name}.settingsLink.description`)}</p>
      <a className="button" href={`#/settings/${name}`}>
        {t(`${name}.settingsLink.open`)}
      </a>
    </section>
  );
}
