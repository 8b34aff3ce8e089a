import { useLive } from '../../data/use-live';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RUSSIAN_REGIONS } from '../../../../shared/reference/regions';
import type { CaseRow, FieldChange, PersonRow } from '../../data/schema';
import { auditFor, caseNumbersOf, getCase } from '../../data/cases/cases.repo';
import { recordAct } from '../../data/audit.repo';
import { useActor } from '../../data/settings/use-actor';
import { sectionHeadingId, type CaseSection } from '../../lib/case-sections';
import { useCaseTracking, type CaseTracking } from '../../data/tracking/use-case-tracking';
import { CaseHeader } from './CaseHeader';
import { CaseWarnings } from './CaseWarnings';
import { CaseEditingContext, useSaverFor, type CaseEditing } from '../../ui/case/editing';
import { FieldGroup } from './FieldGroup';
import { AMINA_FIELDS, CASE_FIELDS, editPath, formPath, ITEM_LISTS } from '../../ui/case/fields';
import type { Translate } from '../../ui/case/describe';
import { HistoryView } from './HistoryView';
import { ItemsSection } from './ItemsSection';
import { PersonSection } from './PersonSection';
import { StatusControl } from './StatusControl';
import { SectionNav } from './SectionNav';
import { StayTimelineView } from './StayTimelineView';

/** Sections that need the editing context, which the page provides around them. */
function CaseSections({ loaded }: { loaded: NonNullable<Awaited<ReturnType<typeof getCase>>> }) {
  const { t } = useTranslation();
  const saverFor = useSaverFor();
  const { record, person } = loaded;
  return (
    <>
      <PersonSection person={person} />
      {ITEM_LISTS.map((list) => (
        <ItemsSection key={list} list={list} items={person[list]} documents={person.documents} />
      ))}
      <section className="case-section" aria-labelledby="case-section-amina">
        <h2 id="case-section-amina">{t('casePage.section.amina')}</h2>
        <FieldGroup descriptors={AMINA_FIELDS} record={person.amina} formPath={formPath.amina} saverFor={(key) => saverFor?.(editPath.amina(key))} />
      </section>
      <section className="case-section" aria-labelledby="case-section-details">
        <h2 id="case-section-details">{t('casePage.section.details')}</h2>
        <FieldGroup descriptors={CASE_FIELDS} record={record} formPath={formPath.case} saverFor={(key) => saverFor?.(editPath.case(key))} />
      </section>
    </>
  );
}

/**
 * Brings the section a link named (`?section=checks`) into view once everything above it has loaded, and
 * focuses its heading, once per link followed.
 */
function useOpenSection(caseId: string, section: CaseSection | null, ready: boolean): void {
  const opened = useRef<string | null>(null);
  useEffect(() => {
    const key = section ? `${caseId}:${section}` : null;
    if (!key) {
      opened.current = null;
      return;
    }
    if (!ready || opened.current === key) return;
    const heading = document.getElementById(sectionHeadingId(section!));
    if (!heading) return;
    opened.current = key;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [caseId, section, ready]);
}

/**
 * One case: summary, the deadlines, diagnosis, requests and register checks, every field editable in place and
 * audited, the stay timeline and the full history. `section` opens the page at one of the tracking panels.
 */
/**
 * What other features put on the case page, handed in by the app shell (app/CaseScreen.tsx) so this feature never
 * imports them: the tracking, attachment and document panels, and the history lines of the changes they audit.
 */
export interface CasePanels {
  render: (props: { record: CaseRow; person: PersonRow; tracking: CaseTracking | undefined }) => ReactNode;
  describeOther: (tr: Translate, change: FieldChange, entityId: string, context: { tracking: CaseTracking | undefined; language: string }) => string | null;
}

/** Opening a case is recorded once per visit, as the signed-in account, with the case's number. */
function useRecordOpening(caseId: string, number: string | null): void {
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (number === null || recorded.current === caseId) return;
    recorded.current = caseId;
    void recordAct({ action: 'open', entity: 'case', entityId: caseId, caseId, note: number }).catch((error: unknown) => console.warn('case opening audit row:', error));
  }, [caseId, number]);
}

export function CasePage({ caseId, section = null, panels }: { caseId: string; section?: CaseSection | null; panels: CasePanels }) {
  const { t, i18n } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const loaded = useLive(() => getCase(caseId), [caseId]);
  const audit = useLive(() => auditFor(caseId), [caseId]);
  const tracking = useCaseTracking(caseId);
  const actor = useActor();
  useRecordOpening(caseId, loaded ? loaded.record.number : null);
  useOpenSection(caseId, section, Boolean(loaded) && tracking !== undefined && audit !== undefined && actor !== undefined);
  const matchedIds = useMemo(() => {
    const ids = new Set<string>(loaded?.record.duplicateOverride?.matchedCaseIds ?? []);
    for (const row of audit ?? []) {
      if (row.action !== 'duplicate_override') continue;
      for (const change of row.changes) if (Array.isArray(change.after)) change.after.forEach((id) => ids.add(String(id)));
    }
    return [...ids].sort();
  }, [loaded, audit]);
  const matchedKey = matchedIds.join('|');
  const matchedNumbers =
    useLive(
      () => caseNumbersOf(matchedIds),
      // The joined ids, not the array: a new array with the same ids must not re-run the query.
      [matchedKey],
    ) ?? {};
  const editing = useMemo<CaseEditing | null>(() => (actor ? { caseId, actor } : null), [actor, caseId]);

  if (loaded === undefined) return <p role="status">{t('app.loading')}</p>;
  if (loaded === null) {
    return (
      <div className="screen">
        <h1>{t('casePage.notFound.title')}</h1>
        <p>{t('casePage.notFound.text', { id: caseId })}</p>
        <p>
          <a href="#/cases">{t('casePage.notFound.back')}</a>
        </p>
      </div>
    );
  }

  return (
    <CaseEditingContext.Provider value={editing}>
      <div className="screen case-page">
        <p className="case-page__back">
          <a href="#/cases">{t('casePage.backToList')}</a>
        </p>
        <CaseHeader record={loaded.record} person={loaded.person} matchedNumbers={matchedNumbers} />
        <SectionNav />
        {actor === null ? (
          <p className="case-page__readonly" role="note">
            {t('casePage.readOnly.text')} <a href="#/settings">{t('casePage.readOnly.link')}</a>
          </p>
        ) : null}
        <StatusControl current={loaded.record.status} />
        <CaseWarnings record={loaded.record} person={loaded.person} />
        {panels.render({ record: loaded.record, person: loaded.person, tracking })}
        <CaseSections loaded={loaded} />
        <StayTimelineView person={loaded.person} />
        <HistoryView
          statusHistory={loaded.record.statusHistory}
          audit={audit ?? []}
          documents={loaded.person.documents}
          matchedNumbers={matchedNumbers}
          describeOther={(change, entityId) => panels.describeOther(tr, change, entityId, { tracking, language: i18n.language })}
        />
        <datalist id="suggestions-regions">
          {RUSSIAN_REGIONS.map((region) => (
            <option key={region} value={region} />
          ))}
        </datalist>
      </div>
    </CaseEditingContext.Provider>
  );
}
