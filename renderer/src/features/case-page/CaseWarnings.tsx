import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from '../../../../shared/case/schema';
import { validateIntake } from '../../../../shared/case/validate';
import type { CaseRow, PersonRow } from '../../data/schema';
import { localTodayIso } from '../../lib/date-time';
import { useRegistrationGrace } from '../../data/reference/reference.repo';
import { findingText, pathLabel, type Translate } from '../../ui/case/describe';

/** The stored case as the form validation sees it (the same split as the repository's). */
export function asIntake(record: CaseRow, person: PersonRow): IntakeDraft {
  const { documents, stays, registrations, employments, amina, ...core } = person;
  const { missionId, caseworker, region, learnedAt, learnedHow, learnedNote, impacts } = record;
  return { person: core, documents, stays, registrations, employments, amina, case: { missionId, caseworker, region, learnedAt, learnedHow, learnedNote, impacts } };
}

/** What still looks wrong in the case (never blocking): registration gaps, ПИН mismatches, expired documents. */
export function CaseWarnings({ record, person }: { record: CaseRow; person: PersonRow }) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const grace = useRegistrationGrace();
  const { warnings } = validateIntake(asIntake(record, person), localTodayIso(), { grace });
  if (warnings.length === 0) return null;
  return (
    <section className="warnings case-warnings" aria-labelledby="case-warnings-title">
      <h2 id="case-warnings-title">{t('casePage.section.warnings')}</h2>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.path}-${w.code}-${i}`}>
            <span className="case-warnings__field">{pathLabel(tr, w.path)}:</span> {findingText(tr, w)}
          </li>
        ))}
      </ul>
    </section>
  );
}
