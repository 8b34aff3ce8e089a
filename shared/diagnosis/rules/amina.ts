import { formatDate, validDateOrNull } from '../../case/dates';
import { reason, type Finding, type RuleContext } from '../types';

/**
 * «Амина» (Moscow and Moscow region) deregisters a person whose phone sent no geolocation for more than
 * 3 working days, and deregistration leads to the register. A recorded deregistration before the person
 * learned of the listing → high; after it → low (it did not cause the listing, though it keeps him there).
 * Without a recorded deregistration, a registration made through «Амина» that ended with nothing after it
 * → medium.
 */
export function aminaRule(ctx: RuleContext): Finding | null {
  const { amina, registrations } = ctx.facts.person;
  const deregistered = validDateOrNull(amina.deregisteredDate);
  if (deregistered !== null) {
    const reasoning = [reason('amina_deregistered', { date: formatDate(deregistered), reason: amina.deregistrationReason?.trim() ?? '' })];
    if (ctx.learnedAt === null) return { confidence: 'high', reasoning, focus: {} };
    const before = deregistered <= ctx.learnedAt;
    reasoning.push(reason(before ? 'amina_deregistered_before_listing_known' : 'amina_deregistered_after_listing_known', { learnedAt: formatDate(ctx.learnedAt) }));
    return { confidence: before ? 'high' : 'low', reasoning, focus: {} };
  }

  const ended = registrations
    .filter((r) => r.how === 'amina' && validDateOrNull(r.to) !== null && r.to < ctx.today)
    .sort((a, b) => (a.to < b.to ? 1 : -1))[0];
  if (!ended) return null;
  const followed = registrations.some((r) => r !== ended && validDateOrNull(r.to) !== null && r.to > ended.to);
  if (followed) return null;
  return { confidence: 'medium', reasoning: [reason('amina_registration_ended', { to: formatDate(ended.to) })], focus: {} };
}
