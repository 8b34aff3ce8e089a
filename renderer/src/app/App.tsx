import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { AccountBar } from '../features/access/LockLayer';
import { BackupActivityBar } from '../features/backup/BackupActivityBar';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { sectionFromQuery } from '../lib/case-sections';
import { CaseListScreen } from '../features/cases/CaseListScreen';
import { WorkQueueScreen } from '../features/queue/WorkQueueScreen';
import { useGlobalShortcuts } from '../ui/global-shortcuts';
import { requestNewCase } from '../ui/new-case';
import { ShortcutsHelp } from '../ui/ShortcutsHelp';
import { useShortcutLabel } from '../ui/shortcuts';
import { useRoute } from '../ui/router';
import { isAdministrator } from '../lib/session';

const NAV = [
  { path: '/queue', key: 'queue.nav', match: (r: string) => r === '/' || r === '/queue' },
  { path: '/cases', key: 'cases.nav.list', match: (r: string) => r === '/cases' || (r.startsWith('/cases/') && r !== '/cases/new') },
  { path: '/cases/new', key: 'cases.nav.intake', match: (r: string) => r === '/cases/new' },
  { path: '/register', key: 'documents.nav', match: (r: string) => r === '/register' },
  { path: '/import', key: 'import.nav', match: (r: string) => r === '/import' },
  { path: '/reports', key: 'reports.nav', match: (r: string) => r === '/reports' },
  { path: '/settings', key: 'nav.settings', match: (r: string) => r === '/settings' || (r.startsWith('/settings/') && !r.startsWith('/settings/templates')) },
  { path: '/settings/templates', key: 'templates.nav', match: (r: string) => r === '/settings/templates' || r.startsWith('/settings/templates/'), adminOnly: true },
] as const;

/**
 * Screens of the administrator (reference data, templates, backups and restore, transfers): hidden from a
 * caseworker's navigation and refused here if typed as an address; main refuses their channels as well.
 */
export function isAdministratorRoute(route: string): boolean {
  const path = route.split('?')[0]!;
  return path === '/settings/reference' || path === '/settings/backup' || path === '/settings/sync' || path === '/settings/templates' || path.startsWith('/settings/templates/') || path === '/transfer' || path.startsWith('/transfer/');
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <p className="errors" role="alert">
        {t('accounts.forbidden')}
      </p>
    </div>
  );
}

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

// The two screens a working day starts on (the queue, the case list) are in the first bundle; the others
// load on first visit, which keeps the app's start — parsing one bundle — short.
const CaseScreen = lazy(() => import('./CaseScreen').then((m) => ({ default: m.CaseScreen })));
const IntakeScreen = lazy(() => import('../features/intake/IntakeScreen').then((m) => ({ default: m.IntakeScreen })));
const ReferenceScreen = lazy(() => import('../features/reference/ReferenceScreen').then((m) => ({ default: m.ReferenceScreen })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const RegisterScreen = lazy(() => import('../features/documents/RegisterScreen').then((m) => ({ default: m.RegisterScreen })));
const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const TransferExportScreen = lazy(() => import('../features/transfer/TransferExportScreen').then((m) => ({ default: m.TransferExportScreen })));
const TransferImportScreen = lazy(() => import('../features/transfer/TransferImportScreen').then((m) => ({ default: m.TransferImportScreen })));
const BackupScreen = lazy(() => import('../features/backup/BackupScreen').then((m) => ({ default: m.BackupScreen })));
const TemplatesScreen = lazy(() => import('../features/templates/TemplatesScreen').then((m) => ({ default: m.TemplatesScreen })));
const BatchScreen = lazy(() => import('../features/batch/BatchScreen').then((m) => ({ default: m.BatchScreen })));
// The banner offering to resume an interrupted batch brings the batch runner with it: not part of the first bundle.
const BatchResumeBanner = lazy(() => import('../features/batch/BatchResumeBanner').then((m) => ({ default: m.BatchResumeBanner })));
const AccountsScreen = lazy(() => import('../features/access/AccountsScreen').then((m) => ({ default: m.AccountsScreen })));
const SyncSettingsScreen = lazy(() => import('../features/sync/SyncSettingsScreen').then((m) => ({ default: m.SyncSettingsScreen })));
const SyncConflictsScreen = lazy(() => import('../features/sync/SyncConflictsScreen').then((m) => ({ default: m.SyncConflictsScreen })));
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

function Screen({ route }: { route: string }) {
  if (route === '/' || route === '/queue') return <WorkQueueScreen />;
  if (isAdministratorRoute(route) && !isAdministrator()) return <Forbidden />;
  if (route === '/settings') return <SettingsScreen />;
  if (route === '/settings/accounts') return <AccountsScreen />;
  if (route === '/reports') return <ReportsScreen />;
  if (route === '/settings/reference') return <ReferenceScreen />;
  const templateMatch = /^\/settings\/templates(?:\/([a-z0-9][a-z0-9._-]*))?$/.exec(route);
  if (templateMatch) return <TemplatesScreen templateId={templateMatch[1]} />;
  if (route === '/settings/backup') return <BackupScreen />;
  if (route === '/settings/sync') return <SyncSettingsScreen />;
  if (route === '/sync/conflicts') return <SyncConflictsScreen />;
  if (route === '/cases/new') return <IntakeScreen />;
  if (route === '/batch' || route.startsWith('/batch/')) return <BatchScreen route={route} />;
  if (route === '/register') return <RegisterScreen />;
  if (route === '/import') return <ImportScreen />;
  if (route === '/transfer') return <TransferExportScreen />;
  if (route === '/transfer/import') return <TransferImportScreen />;
  // `?section=deadlines|checks|requests` after the id says where on the case page to open (the work queue's links).
  const caseMatch = /^\/cases\/([A-Za-z0-9_-]+)(?:\?(.*))?$/.exec(route);
  if (caseMatch) return <CaseScreen caseId={caseMatch[1]!} section={sectionFromQuery(caseMatch[2])} />;
  return <CaseListScreen />;
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [mode, setMode] = useState<'desktop' | 'browser' | null>(null);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useGlobalShortcuts(openHelp);
  const keys = useShortcutLabel();

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
        <button type="button" className="topbar__help" aria-keyshortcuts="F1" title={keys('help')} onClick={openHelp}>
          {t('comfort.shortcuts.open')}
        </button>
        <SyncIndicator />
        <LanguageSwitch />
        <AccountBar />
      </header>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      <BackupActivityBar />
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {NAV.filter((item) => !('adminOnly' in item) || isAdministrator()).map((item) => (
            <li key={item.path}>
              <a
                href={`#${item.path}`}
                aria-current={item.match(route) ? 'page' : undefined}
                aria-keyshortcuts={item.path === '/cases/new' ? 'Alt+N' : undefined}
                title={item.path === '/cases/new' ? keys('newCase') : undefined}
                onClick={(event) => {
                  // Already on the intake: the link would do nothing; the form offers to start over instead.
                  if (item.path === '/cases/new' && route === '/cases/new') {
                    event.preventDefault();
                    requestNewCase();
                  }
                }}
              >
                {t(item.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={null}>
          <BatchResumeBanner />
        </Suspense>
        {/* Keyed by the screen's path: a screen left while the next one was still loading must not come back
            with its old state (a suspended render keeps the previous screen mounted, only hidden). */}
        <Suspense key={route.split('?')[0]} fallback={<LoadingScreen />}>
          <Screen route={route} />
        </Suspense>
      </main>
    </div>
  );
}
