import { formatDate, isValidIsoDate } from '../../../../shared/case/dates';
import type { DiagnosisChoice } from '../../../../shared/diagnosis/choice';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { CheckRow, FieldChange, RequestRow } from '../../data/schema';
import type { Translate } from '../../ui/case/describe';
import { causeTitle, groundTitle } from './decision';
import { checkMoment, requestLabel } from '../../ui/case/labels';

export interface TrackingHistoryContext {
  requests: readonly RequestRow[];
  reference: ReferenceBundle | null;
  language: string;
}

const REQUEST_FIELDS = ['receivedAt', 'registeredAt', 'forwardedAt', 'answeredAt', 'extendedByDays', 'theirNumber', 'answerSummary', 'note'];

function value(t: Translate, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('casePage.value.empty');
  if (isValidIsoDate(v)) return formatDate(v);
  return String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * An audit change written by the tracking features (a request sent or updated, a register check, the
 * diagnosis decision, the outcome set on closing) in words; null for any other change, which the case
 * page words itself.
 */
export function describeTrackingChange(t: Translate, change: FieldChange, entityId: string, ctx: TrackingHistoryContext): string | null {
  if (change.field === 'request' && isRecord(change.after)) {
    const request = change.after as unknown as RequestRow;
    return t('tracking.history.requestSent', { request: requestLabel(t, request), addressee: request.addressee });
  }
  if (change.field.startsWith('request.')) {
    const key = change.field.slice('request.'.length);
    if (!REQUEST_FIELDS.includes(key)) return null;
    const request = ctx.requests.find((r) => r.id === entityId);
    return t('tracking.history.requestChange', {
      request: request ? requestLabel(t, request) : t('tracking.deadlines.about.unknown'),
      field: t(`tracking.history.field.${key}`),
      before: value(t, change.before),
      after: value(t, change.after),
    });
  }
  if (change.field === 'check' && isRecord(change.after)) {
    const check = change.after as unknown as CheckRow;
    return t('tracking.history.check', {
      at: checkMoment(check.at),
      channel: t(`tracking.checks.channelName.${check.channel}`),
      result: t(check.listed ? 'tracking.checks.listedYes' : 'tracking.checks.listedNo'),
    });
  }
  if (change.field === 'case.diagnosis' && isRecord(change.after)) {
    const choice = change.after as unknown as DiagnosisChoice;
    const words = { cause: causeTitle(ctx.reference, choice.causeId, ctx.language), ground: groundTitle(ctx.reference, choice.exclusionGround, ctx.language) };
    const line = t(choice.decision === 'confirmed' ? 'tracking.history.diagnosisConfirmed' : 'tracking.history.diagnosisOverridden', words);
    if (choice.decision === 'confirmed' || !choice.suggested) return line;
    const suggested = t('tracking.history.diagnosisSuggested', {
      cause: causeTitle(ctx.reference, choice.suggested.causeId, ctx.language),
      ground: groundTitle(ctx.reference, choice.suggested.exclusionGround, ctx.language),
    });
    return `${line}. ${suggested}`;
  }
  if (change.field === 'case.outcome') {
    const word = (v: unknown) => (typeof v === 'string' && v ? t(`cases.outcome.${v}`) : t('casePage.value.empty'));
    return t('tracking.history.outcome', { before: word(change.before), after: word(change.after) });
  }
  return null;
}
