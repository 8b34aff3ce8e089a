import type { DiagnosisResult } from '../../../../shared/diagnosis/types';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { AttachmentLink, CheckRow } from '../../data/schema';
import { checkMoment } from '../../ui/case/labels';
import { localized } from '../../ui/case/reasons';

export interface LinkOption {
  value: string;
  label: string;
}

export interface LinkOptions {
  checklist: LinkOption[];
  checks: LinkOption[];
}

/** A link as one `<select>` value: `checklist:<id>`, `check:<id>`, `none`. */
export const linkValue = (link: AttachmentLink): string => (link.kind === 'none' || !link.id ? 'none' : `${link.kind}:${link.id}`);

export function linkFromValue(value: string): AttachmentLink {
  const at = value.indexOf(':');
  if (at < 0) return { kind: 'none' };
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  return kind === 'checklist' || kind === 'check' || kind === 'document' ? { kind, id } : { kind: 'none' };
}

/**
 * What an attachment of this case can prove: the evidence items of the suggested causes' checklists that an
 * attachment can show (in the order the checklists name them), and the case's register checks.
 */
export function linkOptions(diagnosis: DiagnosisResult | null, reference: ReferenceBundle | null, checks: readonly CheckRow[], language: string, checkLabel: (at: string) => string): LinkOptions {
  const seen = new Set<string>();
  const checklist: LinkOption[] = [];
  for (const cause of diagnosis?.causes ?? []) {
    for (const mark of cause.checklist) {
      if (seen.has(mark.itemId)) continue;
      const item = reference?.evidence.find((e) => e.id === mark.itemId);
      if (!item?.attachment) continue;
      seen.add(mark.itemId);
      checklist.push({ value: `checklist:${item.id}`, label: localized(item.label, language) });
    }
  }
  const checks_ = [...checks].sort((a, b) => (a.at < b.at ? 1 : -1)).map((c) => ({ value: `check:${c.id}`, label: checkLabel(checkMoment(c.at)) }));
  return { checklist, checks: checks_ };
}

/** Words for a link in the history and the list. */
export function linkLabel(link: AttachmentLink, reference: ReferenceBundle | null, checks: readonly Pick<CheckRow, 'id' | 'at'>[], language: string, words: { nothing: string; check: (at: string) => string; missing: (id: string) => string }): string {
  if (link.kind === 'none' || !link.id) return words.nothing;
  if (link.kind === 'checklist') {
    const item = reference?.evidence.find((e) => e.id === link.id);
    return item ? localized(item.label, language) : words.missing(link.id);
  }
  if (link.kind === 'check') {
    const check = checks.find((c) => c.id === link.id);
    return check ? words.check(checkMoment(check.at)) : words.missing(link.id);
  }
  return words.missing(link.id);
}
