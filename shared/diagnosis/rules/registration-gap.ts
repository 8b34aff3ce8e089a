import { formatDate } from '../../case/dates';
import { contractRegistrationGaps, overlaps } from '../contract-gaps';
import { reason, type Finding, type Reason, type RuleContext } from '../types';

/**
 * days inside a contract period, in Russia, past the 30 registration-free days after entry, that no
 * registration covers. The MVD computes stays automatically, so such a gap reads as an overstay. A gap that
 * began before the person learned of the listing is a likely cause (high); one that began only afterwards
 * cannot explain the listing but still needs fixing (low).
 */
export function registrationGapRule(ctx: RuleContext): Finding | null {
  const { person } = ctx.facts;
  const result = contractRegistrationGaps(person.employments, person.stays, person.registrations, ctx.today);
  if (result.gaps.length === 0) return null;

  const reasoning: Reason[] = [];
  const involved = result.periods.filter((p) => result.gaps.some((g) => overlaps(p.range, g)));
  for (const p of involved) {
    reasoning.push(reason('contract_period', { employer: p.employment.employer, from: formatDate(p.range.from), to: formatDate(p.range.to) }));
  }
  if (!result.staysKnown) reasoning.push(reason('no_entry_recorded'));
  for (const w of result.windows) reasoning.push(reason('registration_free_days', { entryDate: formatDate(w.from), until: formatDate(w.registrationFreeUntil) }));
  for (const g of result.gaps) reasoning.push(reason('registration_gap', { from: formatDate(g.from), to: formatDate(g.to), days: g.days }));

  const before = ctx.learnedAt !== null && result.gaps.some((g) => g.from <= (ctx.learnedAt as string));
  if (ctx.learnedAt !== null) {
    reasoning.push(reason(before ? 'gap_before_listing_known' : 'gap_after_listing_known', { learnedAt: formatDate(ctx.learnedAt) }));
  }
  return {
    confidence: before || ctx.learnedAt === null ? 'high' : 'low',
    reasoning,
    focus: {
      employmentIds: involved.map((p) => p.employment.id),
      stayIds: result.windows.filter((w) => result.gaps.some((g) => overlaps(w, g))).map((w) => w.stay.id),
    },
  };
}
