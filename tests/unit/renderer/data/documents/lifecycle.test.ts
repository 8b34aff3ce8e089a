import { describe, expect, it } from 'vitest';
import { auditFor, createCase, getCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { registerDocument, type RegisterInput } from '../../../../../renderer/src/data/documents/register.repo';
import { recordLifecycleStep } from '../../../../../renderer/src/data/documents/lifecycle.repo';
import { deadlinesOf } from '../../../../../renderer/src/data/tracking/case-tracking';
import { ensureReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { addRequest } from '../../../../../renderer/src/data/tracking/requests.repo';
import { trackingInputFor } from '../../../../../renderer/src/data/tracking/tracking-input.repo';
import { checkLifecycleStep, nextActions, previousDate } from '../../../../../shared/documents/lifecycle';
import { actor, freshDb, intake } from '../../../support/db-fixtures';
import { factoryBundle } from '../../../support/reference-fixtures';

const at = (day: string) => new Date(`${day}T09:00:00Z`);

async function seeded() {
  const db = freshDb();
  await ensureReference({ getFactoryReference: async () => ({ ok: true as const, value: factoryBundle() }) });
  const created = await createCase(intake(), actor, { now: at('2025-06-01') });
  if (!created.ok) throw new Error('seed');
  return { db, caseId: created.value.id };
}

const doc = (caseId: string, templateId: string, date: string, extra: Partial<RegisterInput> = {}): RegisterInput => ({
  caseId,
  templateId,
  templateVersion: 1,
  title: 'Ходатайство',
  addressee: 'УВМ ГУ МВД России по г. Москве',
  date,
  numbered: templateId !== 'citizen_application_mvd' && templateId !== 'citizen_memo',
  ...extra,
});

async function clocks(db: Awaited<ReturnType<typeof seeded>>['db'], caseId: string, day: string): Promise<string[]> {
  const loaded = (await getCase(caseId))!;
  const input = await trackingInputFor(caseId, at(day));
  return deadlinesOf(loaded.record, loaded.person, input)
    .filter((d) => d.relatedKind === 'request' && d.clock !== 'register_recheck')
    .map((d) => `${d.clock}:${d.status}:${d.due}`);
}

describe('document lifecycle rules', () => {
  it('allows the steps in order only, and an answer without a known incoming number', () => {
    expect(nextActions('generated')).toEqual(['signed']);
    expect(nextActions('signed')).toEqual(['sent']);
    expect(nextActions('sent')).toEqual(['received', 'answered']);
    expect(nextActions('received')).toEqual(['answered']);
    expect(nextActions('answered')).toEqual([]);
    expect(nextActions('void')).toEqual([]);
    expect(previousDate('answered', { generated: '2025-06-01', signed: '2025-06-02', sent: '2025-06-03' })).toBe('2025-06-03');
  });

  it('checks dates against the previous step and today, and wants a tracking number for post', () => {
    const dates = { generated: '2025-06-01', signed: '2025-06-02' };
    expect(checkLifecycleStep('sent', { date: '2025-06-01', method: 'by_hand' }, 'signed', dates, '2025-06-10')).toEqual({ ok: false, issues: [{ path: 'date', code: 'before_previous', date: '2025-06-02' }] });
    expect(checkLifecycleStep('sent', { date: '2025-06-11', method: 'by_hand' }, 'signed', dates, '2025-06-10')).toEqual({ ok: false, issues: [{ path: 'date', code: 'in_future' }] });
    expect(checkLifecycleStep('sent', { date: '2025-06-05', method: 'post', tracking: '  ' }, 'signed', dates, '2025-06-10')).toEqual({ ok: false, issues: [{ path: 'tracking', code: 'required' }] });
    expect(checkLifecycleStep('sent', { date: '2025-06-05', method: 'pigeon' }, 'signed', dates, '2025-06-10')).toMatchObject({ ok: false, issues: [{ path: 'method', code: 'invalid_value' }] });
    expect(checkLifecycleStep('received', { theirNumber: '', date: '2025-06-05' }, 'sent', dates, '2025-06-10')).toMatchObject({ ok: false, issues: [{ path: 'theirNumber', code: 'required' }] });
    expect(checkLifecycleStep('sent', { date: '2025-06-05', method: 'by_hand' }, 'generated', dates, '2025-06-10')).toEqual({ ok: false, issues: [{ path: '', code: 'wrong_status' }] });
    expect(checkLifecycleStep('sent', { date: '2025-06-05', method: 'post', tracking: '14500012345678' }, 'signed', dates, '2025-06-10')).toMatchObject({ ok: true, value: { method: 'post', tracking: '14500012345678', proof: '' } });
  });
});

describe('document lifecycle on the case', () => {
  it('a mission letter sent by post starts the follow-up clock; its incoming number and answer update the request and stop it', async () => {
    const { db, caseId } = await seeded();
    const letter = await registerDocument(doc(caseId, 'mission_letter_mvd', '2025-06-02'), actor, at('2025-06-02'));
    expect(await clocks(db, caseId, '2025-06-02')).toEqual([]);

    const early = await recordLifecycleStep(letter.id, 'sent', { date: '2025-06-03', method: 'by_hand' }, actor, at('2025-06-03'));
    expect(early).toEqual({ ok: false, issues: [{ path: '', code: 'wrong_status' }] });
    expect((await recordLifecycleStep(letter.id, 'signed', { date: '2025-06-02', note: 'Подписал консул' }, actor, at('2025-06-02'))).ok).toBe(true);
    const sent = await recordLifecycleStep(letter.id, 'sent', { date: '2025-06-03', method: 'post', tracking: '14500012345678', proof: 'квитанция № 12' }, actor, at('2025-06-03'));
    if (!sent.ok) throw new Error(JSON.stringify(sent.issues));
    expect(sent.value).toMatchObject({ status: 'sent', sent: { date: '2025-06-03', method: 'post', tracking: '14500012345678', proof: 'квитанция № 12' } });
    const request = await db.requests.get(sent.value.requestId!);
    expect(request).toMatchObject({ caseId, kind: 'mission_letter', sentAt: '2025-06-03', ourNumber: letter.outgoingNumber, addressee: letter.addressee });
    expect(request!.note).toContain('трек-номер 14500012345678');
    expect(await clocks(db, caseId, '2025-06-03')).toEqual(['follow_up:upcoming:2025-07-03']);

    // Dates before the sending or in the future are refused and change nothing.
    expect(await recordLifecycleStep(letter.id, 'received', { theirNumber: '3/25-118', date: '2025-06-02' }, actor, at('2025-06-10'))).toEqual({
      ok: false,
      issues: [{ path: 'date', code: 'before_previous', date: '2025-06-03' }],
    });
    expect((await db.documents.get(letter.id))!.status).toBe('sent');

    const received = await recordLifecycleStep(letter.id, 'received', { theirNumber: '3/25-118', date: '2025-06-09' }, actor, at('2025-06-10'));
    expect(received.ok).toBe(true);
    expect(await db.requests.get(request!.id)).toMatchObject({ theirNumber: '3/25-118', registeredAt: '2025-06-09' });
    const answered = await recordLifecycleStep(letter.id, 'answered', { date: '2025-06-25', summary: 'Сведения исключены из реестра' }, actor, at('2025-06-26'));
    expect(answered.ok && answered.value.answered).toEqual({ date: '2025-06-25', summary: 'Сведения исключены из реестра' });
    expect(await db.requests.get(request!.id)).toMatchObject({ answeredAt: '2025-06-25', answerSummary: 'Сведения исключены из реестра' });
    expect(await clocks(db, caseId, '2025-06-26')).toEqual(['follow_up:done:2025-07-03']);

    const audit = await auditFor(caseId);
    const steps = audit.filter((a) => a.entity === 'document' && a.changes[0]!.field === 'document.status');
    expect(steps.map((a) => [a.action, a.changes[0]!.after, a.who])).toEqual(['signed', 'sent', 'received', 'answered'].map((s) => ['update', s, actor.who]));
    expect(steps[1]!.changes.map((c) => c.field)).toEqual(['document.status', 'document.sent', 'document.requestId']);
    expect(audit.filter((a) => a.entity === 'request').map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it("a citizen's appeal sent to the MVD runs the 59-ФЗ clocks from its registration", async () => {
    const { db, caseId } = await seeded();
    const appeal = await registerDocument(doc(caseId, 'citizen_application_mvd', '2025-06-02', { title: 'Заявление' }), actor, at('2025-06-02'));
    await recordLifecycleStep(appeal.id, 'signed', { date: '2025-06-02', note: 'Подписал заявитель' }, actor, at('2025-06-02'));
    await recordLifecycleStep(appeal.id, 'sent', { date: '2025-06-02', method: 'by_hand', proof: 'отметка о приёме' }, actor, at('2025-06-02'));
    expect(await clocks(db, caseId, '2025-06-02')).toEqual(expect.arrayContaining(['appeal_registration:upcoming:2025-06-05', 'appeal_answer:upcoming:2025-07-05']));
    await recordLifecycleStep(appeal.id, 'received', { theirNumber: 'ОГ-77-1234', date: '2025-06-04' }, actor, at('2025-06-05'));
    expect(await clocks(db, caseId, '2025-06-05')).toEqual(expect.arrayContaining(['appeal_registration:done:2025-06-05', 'appeal_answer:upcoming:2025-07-04']));
  });

  it('adopts a request recorded by hand for the same letter, links a reminder to the letter it chases, and leaves untracked documents alone', async () => {
    const { db, caseId } = await seeded();
    const letter = await registerDocument(doc(caseId, 'mission_letter_mvd', '2025-06-02'), actor, at('2025-06-02'));
    const manual = await addRequest(caseId, { kind: 'mission_letter', addressee: 'УВМ', ourNumber: letter.outgoingNumber, sentAt: '2025-06-03' }, actor, at('2025-06-03'));
    if (!manual.ok) throw new Error('seed');
    await recordLifecycleStep(letter.id, 'signed', { date: '2025-06-02' }, actor, at('2025-06-03'));
    const sent = await recordLifecycleStep(letter.id, 'sent', { date: '2025-06-03', method: 'courier' }, actor, at('2025-06-03'));
    expect(sent.ok && sent.value.requestId).toBe(manual.value.id);
    expect(await db.requests.count()).toBe(1);

    const reminder = await registerDocument(doc(caseId, 'reminder', '2025-07-10', { title: 'Напоминание', choice: { previousDocumentId: letter.id } }), actor, at('2025-07-10'));
    await recordLifecycleStep(reminder.id, 'signed', { date: '2025-07-10' }, actor, at('2025-07-10'));
    const chased = await recordLifecycleStep(reminder.id, 'sent', { date: '2025-07-10', method: 'email', proof: 'uvm@example.ru' }, actor, at('2025-07-10'));
    if (!chased.ok) throw new Error('reminder');
    expect(await db.requests.get(chased.value.requestId!)).toMatchObject({ kind: 'reminder', follows: manual.value.id });
    expect(await clocks(db, caseId, '2025-07-10')).toEqual(expect.arrayContaining(['follow_up:done:2025-07-03', 'reminder:upcoming:2025-08-11']));

    const memo = await registerDocument(doc(caseId, 'citizen_memo', '2025-06-02', { title: 'Памятка' }), actor, at('2025-06-02'));
    await recordLifecycleStep(memo.id, 'signed', { date: '2025-06-02' }, actor, at('2025-06-02'));
    const handed = await recordLifecycleStep(memo.id, 'sent', { date: '2025-06-02', method: 'by_hand' }, actor, at('2025-06-02'));
    expect(handed.ok && handed.value.requestId).toBeNull();
    expect(await db.requests.count()).toBe(2);
  });
});
