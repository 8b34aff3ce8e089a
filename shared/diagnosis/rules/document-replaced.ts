import { formatDate, validDateOrNull } from '../../case/dates';
import type { IdentityDocument } from '../../case/schema';
import { checkDay } from '../../deadlines/facts';
import { reason, type Confidence, type Finding, type Reason, type RuleContext } from '../types';

/**
 * the register entry is keyed to a document number; after a passport or ID card is replaced, the old
 * number may stay listed while the new one carries no record of lawful stay. A check by the old document
 * showing the listing → high; the old document used to enter Russia → medium; a replaced document alone → low.
 * A check by the current document that also shows the listing is evidence against: one level lower.
 */

export function documentLabel(doc: Pick<IdentityDocument, 'series' | 'number'>): string {
  return `${doc.series}${doc.number}`.replace(/\s+/g, '');
}

export function documentReplacedRule(ctx: RuleContext): Finding | null {
  const { documents, stays } = ctx.facts.person;
  const old = documents.filter((d) => d.status === 'replaced' || d.status === 'lost');
  if (old.length === 0) return null;
  const current = documents.filter((d) => d.status === 'current').sort((a, b) => (a.issueDate < b.issueDate ? 1 : -1))[0];
  const checks = ctx.facts.registerChecks ?? [];

  const reasoning: Reason[] = [];
  let confidence: Confidence = 'low';
  const stayIds: string[] = [];
  const raise = (level: Confidence) => {
    if (level === 'high' || (level === 'medium' && confidence === 'low')) confidence = level;
  };

  for (const doc of old) {
    reasoning.push(
      reason('document_replaced', {
        oldNumber: documentLabel(doc),
        newNumber: current ? documentLabel(current) : '',
        newIssueDate: current && validDateOrNull(current.issueDate) ? formatDate(current.issueDate) : '',
      }),
    );
    const entries = stays.filter((s) => s.documentId === doc.id && validDateOrNull(s.entryDate) !== null);
    for (const stay of entries) {
      reasoning.push(reason('entry_with_old_document', { entryDate: formatDate(stay.entryDate), oldNumber: documentLabel(doc) }));
      stayIds.push(stay.id);
    }
    if (entries.length > 0 || doc.usedForEntry) raise('medium');
    const listed = checks.filter((c) => c.documentId === doc.id && c.listed).map(checkDay).filter((d) => validDateOrNull(d) !== null).sort();
    const last = listed[listed.length - 1];
    if (last) {
      reasoning.push(reason('check_listed_by_old_document', { oldNumber: documentLabel(doc), date: formatDate(last) }));
      raise('high');
    }
  }
  if (current) {
    const clear = checks.filter((c) => c.documentId === current.id && !c.listed).map(checkDay).filter((d) => validDateOrNull(d) !== null).sort();
    const last = clear[clear.length - 1];
    if (last) reasoning.push(reason('check_clear_by_current_document', { number: documentLabel(current), date: formatDate(last) }));
    // The current document listed too: the listing is not tied to the old number alone, which speaks against R-7.
    const listedNow = checks.filter((c) => c.documentId === current.id && c.listed).map(checkDay).filter((d) => validDateOrNull(d) !== null).sort();
    const lastListed = listedNow[listedNow.length - 1];
    if (lastListed) {
      reasoning.push(reason('check_listed_by_current_document', { number: documentLabel(current), date: formatDate(lastListed) }));
      // `raise` changes it inside a closure, which the compiler's narrowing does not see.
      confidence = (confidence as Confidence) === 'high' ? 'medium' : 'low';
    }
  }
  return { confidence, reasoning, focus: { documentIds: old.map((d) => d.id), stayIds } };
}
