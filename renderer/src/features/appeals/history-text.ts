import { formatDate, isValidIsoDate } from '../../../../shared/case/dates';
import { APPEAL_CHANNELS } from '../../../../shared/appeals/appeal';
import type { AppealRow, FieldChange } from '../../data/schema';
import type { Translate } from '../../ui/case/describe';

const ANSWER_FIELDS = ['answeredOn', 'answerChannel', 'answerText'] as const;

function value(t: Translate, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('casePage.value.empty');
  if (isValidIsoDate(v)) return formatDate(v);
  if ((APPEAL_CHANNELS as readonly unknown[]).includes(v)) return t(`appeals.channel.${String(v)}`);
  return String(v);
}

/** An audit change of a citizen's request or its answer in words; null for any other change. */
export function describeAppealChange(t: Translate, change: FieldChange): string | null {
  if (change.field === 'appeal' && change.after !== null && typeof change.after === 'object') {
    const appeal = change.after as AppealRow;
    return t('appeals.history.added', { date: formatDate(appeal.receivedOn), channel: value(t, appeal.channel), request: appeal.request });
  }
  const key = change.field.startsWith('appeal.') ? change.field.slice('appeal.'.length) : null;
  if (key === null || !(ANSWER_FIELDS as readonly string[]).includes(key)) return null;
  return t(`appeals.history.${key}`, { before: value(t, change.before), after: value(t, change.after) });
}
