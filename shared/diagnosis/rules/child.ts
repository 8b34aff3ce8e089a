import { formatPartialDate, isValidPartialDate, partialDateBounds } from '../../case/dates';
import { reason, type Finding, type Reason, type RuleContext } from '../types';

/**
 * children are listed with their parents — a child's stay follows a parent's lawful grounds (children of
 * EAEU workers are registered on the parent's contract), and about a quarter of listed Kyrgyz citizens are
 * children. Age is taken on the day the person learned of the listing (a partial birth date counts at its
 * oldest possible day, so "certainly a minor" never guesses). A minor with a listed parent → high; a minor
 * whose parents are not listed (any more) or unknown → medium (children often stay listed after the parents
 * are excluded); a person who may or may not have been a minor → low.
 */

export const MAJORITY_AGE = 18;

function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

export function childWithParentsRule(ctx: RuleContext): Finding | null {
  const birth = ctx.facts.person.birthDate;
  if (!birth || !isValidPartialDate(birth)) return null;
  const on = ctx.learnedAt ?? ctx.today;
  const bounds = partialDateBounds(birth);
  const oldest = ageOn(bounds.earliest, on);
  const youngest = ageOn(bounds.latest, on);
  if (youngest >= MAJORITY_AGE || youngest < 0) return null;

  const reasoning: Reason[] = [];
  const certain = oldest < MAJORITY_AGE;
  reasoning.push(certain ? reason('person_minor', { age: oldest, birthDate: formatPartialDate(birth) }) : reason('person_possibly_minor', { birthDate: formatPartialDate(birth) }));

  const parents = ctx.facts.parents ?? [];
  const listed = parents.filter((p) => p.listed === true);
  for (const p of listed) reasoning.push(reason('parent_listed', { name: p.name?.trim() ?? '' }));
  if (listed.length === 0) {
    const known = parents.length > 0 && parents.every((p) => p.listed === false);
    reasoning.push(reason(known ? 'parents_not_listed' : 'parent_listing_unknown'));
  }
  return { confidence: !certain ? 'low' : listed.length > 0 ? 'high' : 'medium', reasoning, focus: {} };
}
