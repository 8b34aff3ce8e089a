import type { IntakeDraft } from '../../../../shared/case/schema';
import { validateIntake, type Finding } from '../../../../shared/case/validate';
import type { RegistrationGraceRules } from '../../../../shared/case/registration-gaps';
import type { FieldIssue } from '../../../../shared/validation/issues';
import { checkIntake } from '../../data/cases/cases.repo';
import { localTodayIso } from '../../lib/date-time';

/**
 * Everything the intake form says about its fields, as translatable messages tied to form paths:
 * schema issues (shape, length, format, required), hard errors (impossible data, block saving) and
 * warnings (law-dependent, never block). The form shows them at the fields and in the summaries.
 */

export interface Message {
  key: string;
  params?: Record<string, string | number>;
  /** Parameters that are themselves message keys (e.g. `pinSex: 'cases.sex.male'`), translated first. */
  keyParams?: Record<string, string>;
}

export type Severity = 'error' | 'warning';

export interface PathMessage {
  path: string;
  severity: Severity;
  message: Message;
}

export interface IntakeFindings {
  /** In form order: person, documents, stays, registrations, employments, «Амина», case. */
  items: PathMessage[];
  /** True when saving must be refused, whether or not every reason is shown yet. */
  blocking: boolean;
}

export interface CollectOptions {
  now?: Date;
  /** "Required" is noise while a form is being filled; it is shown once saving has been tried. */
  showRequired: boolean;
  /** Date boxes whose text is not a real date (path → text). The form value is '' meanwhile. */
  badDates?: Readonly<Record<string, string>>;
  /** The registration grace days in force (reference data); the factory values when absent. */
  grace?: RegistrationGraceRules;
}

const BIRTH_DATE = 'person.birthDate';

export function issueMessage(issue: FieldIssue): Message {
  if (issue.path.startsWith(`${BIRTH_DATE}.`)) return { key: 'intake.birthDateInvalid' };
  return issue.limit === undefined ? { key: `validation.${issue.code}` } : { key: `validation.${issue.code}`, params: { limit: issue.limit } };
}

export function findingMessage(finding: Finding, draft: Pick<IntakeDraft, 'person'>): Message {
  const params = finding.params ?? {};
  if (finding.code === 'pin_format') {
    // "Must be 14 digits (it has 14)" says nothing useful when the problem is a letter.
    const odd = [...new Set(draft.person.pin.trim().replace(/[0-9]/g, ''))].join(' ');
    if (odd !== '') return { key: 'intake.pinNotDigits', params: { chars: odd } };
  }
  if (finding.code === 'pin_sex_mismatch') {
    const { pinSex, formSex, ...rest } = params;
    return { key: 'cases.finding.pin_sex_mismatch', params: rest, keyParams: { pinSex: `cases.sex.${pinSex}`, formSex: `cases.sex.${formSex}` } };
  }
  // A number of days is said with the language's plural forms (i18next picks them by `count`).
  if (typeof params.days === 'number') return { key: `cases.finding.${finding.code}`, params: { ...params, count: params.days } };
  return finding.params ? { key: `cases.finding.${finding.code}`, params } : { key: `cases.finding.${finding.code}` };
}

const SECTION_ORDER = ['person', 'documents', 'stays', 'registrations', 'employments', 'amina', 'case'];

/** Sort key: section, then item index, so summaries read top to bottom like the form. */
function rank(path: string): [number, number] {
  const [head, second] = path.split('.');
  const section = SECTION_ORDER.indexOf(head ?? '');
  const index = Number(second);
  return [section === -1 ? SECTION_ORDER.length : section, Number.isInteger(index) ? index : -1];
}

export function collectFindings(draft: IntakeDraft, options: CollectOptions): IntakeFindings {
  const now = options.now ?? new Date();
  const badDates = options.badDates ?? {};
  const checked = checkIntake(draft, now);
  const { warnings } = validateIntake(draft, localTodayIso(now), options.grace ? { grace: options.grace } : {});
  const items: PathMessage[] = [];

  for (const [path, text] of Object.entries(badDates)) items.push({ path, severity: 'error', message: { key: 'intake.dateInvalid', params: { text } } });
  if (!checked.ok) {
    for (const issue of checked.issues) {
      // The bad date's own message says more than "required" for the '' it left behind.
      if (issue.path in badDates) continue;
      if (issue.code === 'required' && !options.showRequired) continue;
      items.push({ path: issue.path, severity: 'error', message: issueMessage(issue) });
    }
    for (const error of checked.errors) items.push({ path: error.path, severity: 'error', message: findingMessage(error, draft) });
  }
  for (const warning of warnings) items.push({ path: warning.path, severity: 'warning', message: findingMessage(warning, draft) });

  const seen = new Set<string>();
  const unique = items.filter((item) => {
    // A date of birth is one field: the same message about its day and its month is said once (at the first box).
    const field = item.path.startsWith(`${BIRTH_DATE}.`) ? BIRTH_DATE : item.path;
    const id = `${field}|${item.severity}|${JSON.stringify(item.message)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const ordered = unique
    .map((item, position) => ({ item, position, rank: rank(item.path) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.position - b.position)
    .map(({ item }) => item);
  return { items: ordered, blocking: !checked.ok || Object.keys(badDates).length > 0 };
}

/** Messages at a path; with `nested`, also at the paths below it (a date of birth's day, month, year). */
export function messagesAt(findings: IntakeFindings, path: string, nested = false): { errors: Message[]; warnings: Message[] } {
  const here = findings.items.filter((item) => item.path === path || (nested && item.path.startsWith(`${path}.`)));
  return { errors: here.filter((i) => i.severity === 'error').map((i) => i.message), warnings: here.filter((i) => i.severity === 'warning').map((i) => i.message) };
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function renderMessage(t: Translate, message: Message): string {
  const translated = Object.fromEntries(Object.entries(message.keyParams ?? {}).map(([name, key]) => [name, t(key)]));
  return t(message.key, { ...message.params, ...translated });
}
