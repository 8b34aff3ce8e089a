import { useLive } from '../../data/use-live';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import { getApi } from '../../api';
import { formatDateTime } from '../../lib/date-time';
import { useActor } from '../../data/settings/use-actor';
import { ensureReference, referenceHistory, useReference } from '../../data/reference/reference.repo';
import { auditFor } from '../../data/audit.repo';
import { versionEntries } from './history';
import { ReferenceActions, type Outcome } from './ReferenceActions';
import { AddresseesTab } from './tabs/AddresseesTab';
import { CalendarTab } from './tabs/CalendarTab';
import { CausesTab } from './tabs/CausesTab';
import { DatesTab } from './tabs/DatesTab';
import { DocumentClocksTab } from './tabs/DocumentClocksTab';
import { EvidenceTab } from './tabs/EvidenceTab';
import { GroundsTab } from './tabs/GroundsTab';
import { HistoryTab } from './tabs/HistoryTab';
import { LegalRefsTab } from './tabs/LegalRefsTab';
import { MissionsTab } from './tabs/MissionsTab';
import { TermsTab } from './tabs/TermsTab';
import { Tabs } from './Tabs';
import { describeError } from '../../ui/error-text';

const TABS = ['grounds', 'causes', 'evidence', 'addressees', 'missions', 'calendar', 'legalRefs', 'dates', 'documentClocks', 'terms', 'history'] as const;
type TabId = (typeof TABS)[number];

/** Versions with their audit entries (reference edits are audited with no case), newest first. */
async function loadVersions() {
  const [versions, audit] = await Promise.all([referenceHistory(), auditFor('')]);
  // Only what the list shows is kept: a version row carries the whole bundle.
  return versionEntries(
    versions.map(({ version, at, who }) => ({ version, at, who })),
    audit,
  );
}

/** «Справочники» (#/settings/reference): the reference data in force, its versions, editing, export and import. */
export function ReferenceScreen() {
  const { t } = useTranslation();
  const bundle = useReference();
  const versions = useLive(loadVersions, []);
  const actor = useActor();
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [tab, setTab] = useState<TabId>('grounds');

  // Normally stored at start-up; if that failed (or has not finished), this screen says so instead of waiting.
  useEffect(() => {
    let alive = true;
    ensureReference(getApi()).catch((error: unknown) => alive && setFailure({ cause: error }));
    return () => {
      alive = false;
    };
  }, []);

  const announce = (message: string) => setOutcome({ ok: true, text: message });
  const inForce = versions?.[0];

  return (
    <div className="screen reference-screen">
      <p className="reference-screen__back">
        <a href="#/settings">{t('reference.back')}</a>
      </p>
      <h1>{t('reference.title')}</h1>
      <p className="muted reference-screen__intro">{t('reference.intro')}</p>
      {failure && !bundle ? (
        <p className="status status--error" role="alert">
          {t('reference.unavailable', { reason: describeError(t, failure.cause) })}
        </p>
      ) : null}
      {!bundle ? (
        failure ? null : <p role="status">{t('reference.loading')}</p>
      ) : (
        <>
          <section className="panel reference-head" aria-labelledby="ref-in-force">
            <h2 id="ref-in-force">{t('reference.inForce.label')}</h2>
            <p className="reference-head__version">
              <strong>{t('reference.inForce.version', { version: bundle.version })}</strong>{' '}
              {/* The bundle's own date: for the factory data, the day it was compiled, not when this PC stored it. */}
              {inForce && inForce.version === bundle.version
                ? t('reference.inForce.meta', {
                    at: inForce.who === null ? formatDate(bundle.updatedAt.slice(0, 10)) : formatDateTime(bundle.updatedAt),
                    who: inForce.who ?? t('reference.factoryWho'),
                  })
                : null}
            </p>
            {actor === null ? (
              <p className="warnings">
                {t('reference.needActor')} <a href="#/settings">{t('reference.openSettings')}</a>
              </p>
            ) : null}
            <ReferenceActions bundle={bundle} actor={actor ?? null} onOutcome={setOutcome} />
            <p role="status" className={outcome?.ok === false ? 'status status--error' : 'status status--ok'}>
              {outcome?.text}
            </p>
          </section>
          <Tabs<TabId> label={t('reference.tabs.label')} tabs={TABS.map((id) => ({ id, title: t(`reference.tabs.${id}`) }))} selected={tab} onSelect={setTab}>
            {tab === 'grounds' ? <GroundsTab bundle={bundle} /> : null}
            {tab === 'causes' ? <CausesTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'evidence' ? <EvidenceTab bundle={bundle} /> : null}
            {tab === 'addressees' ? <AddresseesTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'missions' ? <MissionsTab bundle={bundle} /> : null}
            {tab === 'calendar' ? <CalendarTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'legalRefs' ? <LegalRefsTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'dates' ? <DatesTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'documentClocks' ? <DocumentClocksTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'terms' ? <TermsTab bundle={bundle} actor={actor ?? null} onSaved={announce} /> : null}
            {tab === 'history' ? <HistoryTab versions={versions ?? []} /> : null}
          </Tabs>
        </>
      )}
    </div>
  );
}
