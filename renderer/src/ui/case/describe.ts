import { formatDate, isValidIsoDate } from '../../../../shared/case/dates';
import type { Finding } from '../../../../shared/case/validate';
import type { FieldIssue } from '../../../../shared/validation/issues';
import type { FieldChange } from '../../data/schema';
import { displayValue, isEmptyValue, type DisplayWords } from './field-values';
import { resolvePath, type FieldDescriptor, type ItemList } from './fields';

/** i18next's `t`, narrowed to what these helpers use, so they stay testable without React. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface DocumentLike {
  id: string;
  type: string | null;
  series: string;
  number: string;
}

/** The words value formatting needs for one descriptor. */
export function wordsFor(t: Translate, descriptor: Pick<FieldDescriptor, 'optionsKey'> | null, documents: readonly DocumentLike[] = []): DisplayWords {
  return {
    yes: t('casePage.value.yes'),
    no: t('casePage.value.no'),
    openEnded: t('casePage.value.openEnded'),
    option: (value) => (descriptor?.optionsKey ? t(`${descriptor.optionsKey}.${value}`) : value),
    document: (id) => {
      const doc = documents.find((d) => d.id === id);
      return doc ? documentName(t, doc) : id;
    },
  };
}

export function documentName(t: Translate, doc: Pick<DocumentLike, 'type' | 'series' | 'number'>): string {
  const type = doc.type ? t(`cases.documentType.${doc.type}`) : '';
  return [type, `${doc.series} ${doc.number}`.trim()].filter(Boolean).join(' ');
}

const dateText = (value: unknown) => (isValidIsoDate(value) ? formatDate(value) : '');

/** One line naming a whole list item, for removal questions and the history. */
export function itemSummary(t: Translate, list: ItemList, item: Record<string, unknown>): string {
  switch (list) {
    case 'documents':
      return documentName(t, { type: (item.type as string | null) ?? null, series: String(item.series ?? ''), number: String(item.number ?? '') });
    case 'stays':
      return t('casePage.summary.stay', { date: dateText(item.entryDate), checkpoint: String(item.checkpoint ?? '') }).trim();
    case 'registrations':
      return t('casePage.summary.registration', { from: dateText(item.from), to: dateText(item.to), address: String(item.address ?? '') });
    case 'employments':
      return t('casePage.summary.employment', { employer: String(item.employer ?? ''), from: dateText(item.start) });
  }
}

export function itemTitle(t: Translate, list: ItemList, index: number): string {
  return t(`casePage.item.${list}`, { n: index + 1 });
}

export interface ChangeLine {
  label: string;
  before: string;
  after: string;
  /** A whole item or group appeared or went away, rather than one value changing. */
  kind: 'change' | 'added' | 'removed';
}

const GROUPS: Record<string, { label: string; summary: (value: Record<string, unknown>) => string }> = {
  'person.representative': { label: 'casePage.section.representative', summary: (v) => String(v.name ?? '') },
};

/** A field-level audit change in words: «Фамилия (рус.): Усенов → Үсөнов». */
export function describeChange(t: Translate, change: FieldChange, documents: readonly DocumentLike[] = []): ChangeLine {
  const empty = t('casePage.value.empty');
  const kindOf = (): ChangeLine['kind'] => (isEmptyValue(change.before) ? 'added' : isEmptyValue(change.after) ? 'removed' : 'change');
  const show = (format: (value: unknown) => string) => ({
    before: isEmptyValue(change.before) ? empty : format(change.before) || empty,
    after: isEmptyValue(change.after) ? empty : format(change.after) || empty,
  });

  const group = GROUPS[change.field];
  if (group) {
    return { label: t(group.label), kind: kindOf(), ...show((v) => (typeof v === 'object' && v ? group.summary(v as Record<string, unknown>) : String(v))) };
  }

  const target = resolvePath(change.field);
  if (target.scope === 'unknown') return { label: change.field, kind: 'change', ...show((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))) };

  if (target.scope === 'item' && target.descriptor === null) {
    const title = itemTitle(t, target.list, target.index);
    if (target.rest.length === 0) {
      const summary = (v: unknown) => (typeof v === 'object' && v ? itemSummary(t, target.list, v as Record<string, unknown>) : String(v));
      return { label: title, kind: kindOf(), ...show(summary) };
    }
    return { label: `${title} — ${target.rest.join('.')}`, kind: 'change', ...show(String) };
  }

  const descriptor = target.descriptor!;
  const fieldLabel = t(descriptor.label);
  const label = target.scope === 'item' ? `${itemTitle(t, target.list, target.index)} — ${fieldLabel}` : fieldLabel;
  const words = wordsFor(t, descriptor, documents);
  if (target.rest.length === 0) return { label, kind: 'change', ...show((v) => displayValue(descriptor.kind, v, words)) };
  // A part of a composite value changed: one element of a list, or the year/month/day of a birth date.
  if (descriptor.kind === 'partialDate') {
    return { label: `${label} (${t(`casePage.birthPart.${target.rest[0]}`)})`, kind: 'change', ...show(String) };
  }
  if (descriptor.kind === 'multi') return { label, kind: kindOf(), ...show((v) => words.option(String(v))) };
  if (descriptor.kind === 'lines') return { label, kind: kindOf(), ...show(String) };
  return { label: `${label} (${target.rest.join('.')})`, kind: 'change', ...show(String) };
}

/** The label of any form path, for messages that concern another field than the one being edited. */
export function pathLabel(t: Translate, path: string): string {
  if (GROUPS[path]) return t(GROUPS[path].label);
  const target = resolvePath(path);
  if (target.scope === 'unknown') return path;
  if (target.scope === 'item') {
    const title = itemTitle(t, target.list, target.index);
    return target.descriptor ? `${title} — ${t(target.descriptor.label)}` : title;
  }
  return t(target.descriptor.label);
}

/** A finding in the user's language; sex codes inside its params are words too. */
export function findingText(t: Translate, finding: Finding): string {
  const params: Record<string, unknown> = { ...finding.params };
  for (const key of ['pinSex', 'formSex']) {
    if (typeof params[key] === 'string') params[key] = t(`cases.sex.${params[key]}`);
  }
  return t(`cases.finding.${finding.code}`, params);
}

export function issueText(t: Translate, issue: FieldIssue): string {
  return t(`validation.${issue.code}`, { limit: issue.limit });
}

export interface Problem {
  path: string;
  text: string;
}

/** A refused save's issues and errors, worded. */
export function problemsOf(t: Translate, result: { issues: readonly FieldIssue[]; errors: readonly Finding[] }): Problem[] {
  return [...result.issues.map((issue) => ({ path: issue.path, text: issueText(t, issue) })), ...result.errors.map((e) => ({ path: e.path, text: findingText(t, e) }))];
}

/** The choices of a select or multi field, worded; for a document reference, the person's documents. */
export function optionsFor(t: Translate, descriptor: FieldDescriptor, documents: readonly DocumentLike[] = []): { value: string; label: string }[] {
  if (descriptor.kind === 'documentRef') return documents.map((doc) => ({ value: doc.id, label: documentName(t, doc) }));
  return (descriptor.options ?? []).map((value) => ({ value, label: descriptor.optionsKey ? t(`${descriptor.optionsKey}.${value}`) : value }));
}
