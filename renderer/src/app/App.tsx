import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useRoute } from './router';

const NAV = [{ path: '/settings', key: 'nav.settings' }] as const;

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(event) => void setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [mode, setMode] = useState<'desktop' | 'browser' | null>(null);

  useEffect(() => {
    getApi()
      .getAppInfo({})
      .then((result) => result.ok && setMode(result.value.mode))
      .catch(() => setMode(null));
  }, []);

  const screen = <SettingsScreen />;
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        {mode === 'browser' ? <span className="badge">{t('app.browserMode')}</span> : null}
        <LanguageSwitch />
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.path}>
              <a href={`#${item.path}`} aria-current={route.startsWith(item.path) || route === '/' ? 'page' : undefined}>
                {t(item.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {screen}
      </main>
    </div>
  );
}
