import { formatDate, validDateOrNull } from '../../case/dates';
import type { StayEntry } from '../../case/schema';
import { contractPeriod } from '../../case/registration-gaps';
import { overlaps, stayWindows } from '../contract-gaps';
import { reason, strongest, type Confidence, type Finding, type Reason, type RuleContext } from '../types';

/**
 * the MVD's data still show the person in Russia.
 * - An exit the person made but the border data did not record → high: he is counted as overstaying, and
 *   departure (E-1) cannot take him off the register until it is recorded.
 * - A later entry with no exit before it → medium: an exit must have happened and is not on record.
 * - A purpose other than «работа» on the migration card of a stay with a contract → medium: the stay is then
 *   computed by visa-free rules, not by the contract.
 * An ID card used to cross the border supports the finding (such exits are the ones reported lost).
 */
export function departureRule(ctx: RuleContext): Finding | null {
  const { stays, documents, employments } = ctx.facts.person;
  const sorted = [...stays].filter((s) => validDateOrNull(s.entryDate) !== null).sort((a, b) => (a.entryDate < b.entryDate ? -1 : 1));
  const reasoning: Reason[] = [];
  const levels: Confidence[] = [];
  const stayIds = new Set<string>();
  const flag = (stay: StayEntry, r: Reason, level: Confidence) => {
    reasoning.push(r);
    levels.push(level);
    stayIds.add(stay.id);
  };

  sorted.forEach((stay, i) => {
    const exit = validDateOrNull(stay.exitDate);
    const next = sorted[i + 1];
    if (exit !== null && !stay.exitRecorded && exit <= ctx.today) {
      flag(stay, reason('exit_not_recorded', { entryDate: formatDate(stay.entryDate), exitDate: formatDate(exit) }), 'high');
    } else if (exit === null && next) {
      flag(stay, reason('entry_without_recorded_exit', { entryDate: formatDate(stay.entryDate), nextEntryDate: formatDate(next.entryDate) }), 'medium');
    }
  });

  const windows = stayWindows(stays, ctx.today);
  for (const w of windows) {
    if (w.stay.purpose === 'work') continue;
    const worked = employments.some((job) => {
      const period = contractPeriod(job, ctx.today);
      return period !== null && overlaps(period, w);
    });
    if (worked) flag(w.stay, reason('purpose_not_work', { entryDate: formatDate(w.from), purpose: w.stay.purpose }), 'medium');
  }

  const confidence = strongest(levels);
  if (!confidence) return null;
  for (const stay of sorted) {
    if (!stayIds.has(stay.id)) continue;
    const doc = documents.find((d) => d.id === stay.documentId);
    if (doc?.type?.startsWith('id_card_')) reasoning.push(reason('id_card_used', { entryDate: formatDate(stay.entryDate) }));
  }
  return { confidence, reasoning, focus: { stayIds: [...stayIds] } };
}
