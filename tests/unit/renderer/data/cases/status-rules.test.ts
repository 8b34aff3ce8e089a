import { describe, expect, it } from 'vitest';
import { auditFor, changeStatus, createCase, getCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { recordGeneratedFile, registerDocument } from '../../../../../renderer/src/data/documents/register.repo';
import { recordLifecycleStep } from '../../../../../renderer/src/data/documents/lifecycle.repo';
import { addCheck } from '../../../../../renderer/src/data/tracking/checks.repo';
import { saveDiagnosisChoice } from '../../../../../renderer/src/data/tracking/diagnosis.repo';
import { ensureReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { STATUS_EVENTS, STATUS_RULES, statusMove } from '../../../../../shared/case/status-rules';
import { CASE_STATUSES } from '../../../../../shared/case/statuses';
import { CLOSED_STATUSES } from '../../../../../shared/deadlines/facts';
import { actor, freshDb, intake } from '../../../support/db-fixtures';
import { factoryBundle } from '../../../support/reference-fixtures';

const at = (day: string) => new Date(`${day}T09:00:00Z`);

describe('status rules as data', () => {
  it('move only forward out of the listed statuses, never close a case and never touch a closed one', () => {
    expect(statusMove('intake', 'register_checked')?.to).toBe('checking');
    expect(statusMove('awaiting_answer', 'register_checked')).toBeNull();
    expect(statusMove('checking', 'request_sent')?.to).toBe('requests_sent');
    expect(statusMove('awaiting_answer', 'request_sent')).toBeNull();
    expect(statusMove('awaiting_answer', 'answer_received')?.to).toBe('checking');
    for (const rule of STATUS_RULES) {
      expect(CLOSED_STATUSES).not.toContain(rule.to);
      for (const from of rule.from) expect(CLOSED_STATUSES).not.toContain(from);
    }
    for (const status of CLOSED_STATUSES) for (const event of STATUS_EVENTS) expect(statusMove(status, event)).toBeNull();
    // Every event has a rule, every status a rule is about exists.
    expect(new Set(STATUS_RULES.map((r) => r.event))).toEqual(new Set(STATUS_EVENTS));
    for (const rule of STATUS_RULES) for (const s of [...rule.from, rule.to]) expect(CASE_STATUSES).toContain(s);
  });
});

describe('a case walks its lifecycle as the work is recorded', () => {
  it('check → diagnosis → letter → sent → received → answered, each move in the history and the audit', async () => {
    const db = freshDb();
    const reference = factoryBundle();
    await ensureReference({ getFactoryReference: async () => ({ ok: true as const, value: reference }) });
    const created = await createCase(intake(), actor, { now: at('2025-06-01') });
    if (!created.ok) throw new Error('seed');
    const caseId = created.value.id;
    const status = async () => (await db.cases.get(caseId))!.status;
    expect(await status()).toBe('intake');

    await addCheck(caseId, { at: '2025-06-02T10:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: 'значится' }, actor, at('2025-06-02'));
    expect(await status()).toBe('checking');

    const cause = reference.causes.find((c) => c.rule !== null)!;
    const ground = reference.grounds.exclusion[0]!.id;
    await saveDiagnosisChoice(caseId, { causeId: cause.id, exclusionGround: ground, note: '' }, { causeId: cause.id, suggestedExclusionGround: ground, confidence: 'high' }, 1, actor, at('2025-06-02'));
    expect(await status()).toBe('collecting_evidence');

    const letter = await registerDocument(
      { caseId, templateId: 'mission_letter_mvd', templateVersion: 1, title: 'Письмо', addressee: 'ГУ МВД России по г. Москве', date: '2025-06-03', numbered: true },
      actor,
      at('2025-06-03'),
    );
    await recordGeneratedFile(letter.id, { relPath: `${caseId}/${letter.id}.pdf`, sha256: 'a'.repeat(64), bytes: 10, pages: 1 }, actor, at('2025-06-03'));
    expect(await status()).toBe('collecting_evidence');
    expect((await recordLifecycleStep(letter.id, 'signed', { date: '2025-06-03', note: '' }, actor, at('2025-06-03'))).ok).toBe(true);
    expect((await recordLifecycleStep(letter.id, 'sent', { date: '2025-06-04', method: 'by_hand' }, actor, at('2025-06-04'))).ok).toBe(true);
    expect(await status()).toBe('requests_sent');
    expect((await recordLifecycleStep(letter.id, 'received', { theirNumber: '3/123', date: '2025-06-05' }, actor, at('2025-06-05'))).ok).toBe(true);
    expect(await status()).toBe('awaiting_answer');
    expect((await recordLifecycleStep(letter.id, 'answered', { date: '2025-06-20', summary: 'Исключён' }, actor, at('2025-06-20'))).ok).toBe(true);
    expect(await status()).toBe('checking');

    const { record } = (await getCase(caseId))!;
    expect(record.statusHistory.map((h) => h.status)).toEqual(['intake', 'checking', 'collecting_evidence', 'requests_sent', 'awaiting_answer', 'checking']);
    const moves = (await auditFor(caseId)).filter((row) => row.action === 'status');
    expect(moves.map((row) => row.changes.find((c) => c.field === 'status.event')?.after)).toEqual(['register_checked', 'diagnosis_confirmed', 'request_sent', 'request_received', 'answer_received']);
    expect(moves.map((row) => row.changes.find((c) => c.field === 'status')?.after)).toEqual(['checking', 'collecting_evidence', 'requests_sent', 'awaiting_answer', 'checking']);

    // A manual change stays possible, audited without an event; the rules leave a closed case alone.
    await changeStatus(caseId, 'refused', 'Отказ МВД', actor, at('2025-06-21'));
    await addCheck(caseId, { at: '2025-06-22T10:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: 'значится' }, actor, at('2025-06-22'));
    expect(await status()).toBe('refused');
    const last = (await auditFor(caseId)).filter((row) => row.action === 'status').at(-1)!;
    expect(last.changes).toEqual([{ field: 'status', before: 'checking', after: 'refused' }]);
    expect(last.note).toBe('Отказ МВД');
  });
});
