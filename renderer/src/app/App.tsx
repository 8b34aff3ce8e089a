import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { BackupActivityBar, BackupScreen } from '../features/backup/BackupScreen';
import { CasePage } from '../features/case-page/CasePage';
import { sectionFromQuery } from '../features/case-tracking/sections';
import { CaseListScreen } from '../features/cases/CaseListScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { WorkQueueScreen } from '../features/queue/WorkQueueScreen';
import { ReferenceScreen } from '../features/reference/ReferenceScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useRoute } from './router';

const NAV = [
  { path: '/queue', key: 'queue.nav', match: (r: string) => r === '/' || r === '/queue' },
  { path: '/cases', key: 'cases.nav.list', match: (r: string) => r === '/cases' || (r.startsWith('/cases/') && r !== '/cases/new') },
  { path: '/cases/new', key: 'cases.nav.intake', match: (r: string) => r === '/cases/new' },
  { path: '/settings', key: 'nav.settings', match: (r: string) => r === '/settings' || r.startsWith('/settings/') },
] as const;

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

function Screen({ route }: { route: string }) {
  if (route === '/' || route === '/queue') return <WorkQueueScreen />;
  if (route === '/settings') return <SettingsScreen />;
  if (route === '/settings/reference') return <ReferenceScreen />;
  if (route === '/settings/backup') return <BackupScreen />;
  if (route === '/cases/new') return <IntakeScreen />;
  // `?section=deadlines|checks|requests` after the id says where on the case page to open (the work queue's links).
  const caseMatch = /^\/cases\/([A-Za-z0-9_-]+)(?:\?(.*))?$/.exec(route);
  if (caseMatch) return <CasePage caseId={caseMatch[1]!} section={sectionFromQuery(caseMatch[2])} />;
  return <CaseListScreen />;
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

  // Move focus to the new screen's content so keyboard and screen-reader users land on it, unless the
  // screen already put it somewhere useful (the list's search box, the intake's first field).
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [route]);

  return (
    <div className="layout">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
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
      <BackupActivityBar />
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.path}>
              <a href={`#${item.path}`} aria-current={item.match(route) ? 'page' : undefined}>
                {t(item.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </div>
  );
}
