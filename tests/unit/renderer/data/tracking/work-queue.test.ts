import { describe, expect, it } from 'vitest';
import { changeStatus, createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { statusCounts } from '../../../../../renderer/src/data/cases/list-query.repo';
import { recordGeneratedFile, registerDocument } from '../../../../../renderer/src/data/documents/register.repo';
import { recordLifecycleStep } from '../../../../../renderer/src/data/documents/lifecycle.repo';
import { caseRoute, rowView } from '../../../../../renderer/src/features/queue/queue-rows';
import { addCheck } from '../../../../../renderer/src/data/tracking/checks.repo';
import { workQueue, type QueueBucket } from '../../../../../renderer/src/data/tracking/queue.repo';
import { addRequest, updateRequest } from '../../../../../renderer/src/data/tracking/requests.repo';
import { actionEntries } from '../../../../../shared/deadlines/actions';
import type { Deadline } from '../../../../../shared/deadlines';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const NOW = new Date('2025-06-10T09:00:00Z');
const TODAY = '2025-06-10';

async function newCase(db = freshDb(), learnedAt = '2025-05-15', now = NOW) {
  const draft = intake();
  draft.case.learnedAt = learnedAt;
  const created = await createCase(draft, actor, { now });
  if (!created.ok) throw new Error('seed');
  return { db, caseId: created.value.id };
}

async function caseWithLetter(sentAt: string, kind: 'mission_letter' | 'citizen_application' = 'mission_letter') {
  const { db, caseId } = await newCase();
  const sent = await addRequest(caseId, { kind, addressee: 'МИД России', ourNumber: '', sentAt }, actor, NOW);
  if (!sent.ok) throw new Error('request');
  return { db, caseId, requestId: sent.value.id };
}

const ids = (bucket: QueueBucket) => bucket.rows.map((item) => item.row.id);

describe('action entries', () => {
  const d = (clock: Deadline['clock'], due: string, status: Deadline['status'] = 'upcoming', related: string | null = null): Deadline => ({
    id: `${clock}:${related ?? 'case'}`,
    clock,
    kind: 'calendar',
    due,
    status,
    source: null,
    related,
    relatedKind: related ? 'request' : 'case',
  });
  it('keep the clocks someone can act on, one per item, and leave out the citizen’s own terms and done clocks', () => {
    expect(
      actionEntries([
        d('kas_claim', '2025-08-15'),
        d('follow_up', '2025-07-10', 'upcoming', 'r1'),
        d('reminder', '2025-08-10', 'upcoming', 'r1'),
        d('follow_up', '2025-05-01', 'done', 'r2'),
        d('appeal_answer', '2025-06-01', 'overdue', 'r3'),
        d('eaeu_registration', '2022-09-30', 'overdue'),
        d('employer_notification', '2023-01-10', 'overdue'),
        d('document_expiry', '2025-06-12'),
      ]),
    ).toEqual(['answer_overdue|2025-06-01', 'court_warning|2025-08-15', 'follow_up|2025-07-10']);
  });
});

describe('work queue of actions', () => {
  it('a citizen’s past terms are not work: a case learned of long ago with lapsed registrations shows nowhere', async () => {
    await newCase(freshDb(), '2022-01-10');
    const queue = await workQueue(TODAY);
    for (const [bucket, { count }] of Object.entries(queue.buckets)) expect(count, bucket).toBe(0);
  });

  it('warns the citizen while the court term is open, and drops it once a court claim is sent', async () => {
    const { caseId } = await newCase();
    let queue = await workQueue(TODAY);
    expect(ids(queue.buckets.courtWarning)).toEqual([caseId]);
    expect(queue.buckets.courtWarning.rows[0]!.date).toBe('2025-08-15');
    await addRequest(caseId, { kind: 'court_claim', addressee: 'Басманный районный суд', ourNumber: '', sentAt: TODAY }, actor, NOW);
    queue = await workQueue(TODAY);
    expect(queue.buckets.courtWarning.count).toBe(0);
  });

  it('a letter unanswered past its follow-up term asks for a reminder; the re-check is due from the day after sending', async () => {
    const { db, caseId, requestId } = await caseWithLetter('2025-05-01');
    let queue = await workQueue(TODAY);
    expect(ids(queue.buckets.followUp)).toEqual([caseId]);
    expect(queue.buckets.followUp.rows[0]!.date).toBe('2025-06-02');
    expect(ids(queue.buckets.recheck)).toEqual([caseId]);
    expect((await db.cases.get(caseId))!.status).toBe('requests_sent');

    await updateRequest(requestId, { answeredAt: TODAY }, actor, NOW);
    queue = await workQueue(TODAY);
    expect(queue.buckets.followUp.count).toBe(0);
    expect(queue.buckets.recheck.count).toBe(0);
  });

  it('an appeal the authority has not answered in its 59-ФЗ term is owed by the authority', async () => {
    const { caseId, requestId } = await caseWithLetter('2025-04-01', 'citizen_application');
    await updateRequest(requestId, { receivedAt: '2025-04-03', registeredAt: '2025-04-04', forwardedAt: '2025-04-05' }, actor, NOW);
    const queue = await workQueue(TODAY);
    expect(ids(queue.buckets.answerOverdue)).toEqual([caseId]);
    const owedSince = queue.buckets.answerOverdue.rows[0]!.date!;
    expect(owedSince > '2025-05-01' && owedSince < TODAY, owedSince).toBe(true);
    // Received and registered by the addressee: the case now awaits its answer, like the case list says.
    expect(ids(queue.buckets.awaiting)).toEqual([caseId]);
  });

  it('«awaiting an answer» counts exactly the case list’s «Ожидание ответа»', async () => {
    const db = freshDb();
    const made = [];
    for (let i = 0; i < 4; i++) made.push((await newCase(db)).caseId);
    await changeStatus(made[0]!, 'awaiting_answer', '', actor, NOW);
    await changeStatus(made[1]!, 'awaiting_answer', '', actor, NOW);
    const queue = await workQueue(TODAY);
    expect(queue.buckets.awaiting.count).toBe((await statusCounts(['awaiting_answer'])).awaiting_answer);
    expect(queue.buckets.awaiting.count).toBe(2);
    // Dated by when the wait began, never by a citizen's past term.
    expect(queue.buckets.awaiting.rows.map((item) => item.date)).toEqual([TODAY, TODAY]);
    expect(rowView('awaiting', queue.buckets.awaiting.rows[0]!, '2025-07-30').late).toBe(false);
  });

  it('a generated document waits to be sent until the sending is recorded; its row opens its next step', async () => {
    const { caseId } = await newCase();
    const doc = await registerDocument({ caseId, templateId: 'mission_letter_mvd', templateVersion: 1, title: 'Письмо в МВД', addressee: 'ГУ МВД', date: TODAY, numbered: true }, actor, NOW);
    await recordGeneratedFile(doc.id, { relPath: `${caseId}/${doc.id}.pdf`, sha256: 'a'.repeat(64), bytes: 1, pages: 1 }, actor, NOW);
    let queue = await workQueue(TODAY);
    expect(queue.buckets.send.count).toBe(1);
    const item = queue.buckets.send.rows[0]!;
    expect(item.document).toMatchObject({ id: doc.id, status: 'generated', outgoingNumber: doc.outgoingNumber });
    expect(rowView('send', item, TODAY)).toMatchObject({ action: { key: 'sign', title: 'Письмо в МВД', number: doc.outgoingNumber }, route: `/cases/${caseId}?section=documents&document=${doc.id}` });
    await recordLifecycleStep(doc.id, 'signed', { date: TODAY, note: '' }, actor, NOW);
    queue = await workQueue(TODAY);
    expect(rowView('send', queue.buckets.send.rows[0]!, TODAY).action.key).toBe('send');
    await recordLifecycleStep(doc.id, 'sent', { date: TODAY, method: 'by_hand' }, actor, NOW);
    queue = await workQueue(TODAY);
    expect(queue.buckets.send.count).toBe(0);
  });

  it('a check made today moves the re-check on; counts every row but returns at most `limit`, earliest first', async () => {
    const { db, caseId } = await caseWithLetter('2025-06-08');
    await addCheck(caseId, { at: '2025-06-10T11:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: '' }, actor, NOW);
    expect((await workQueue(TODAY)).buckets.recheck.count).toBe(0);
    for (const learnedAt of ['2025-05-20', '2025-05-12']) await newCase(db, learnedAt);
    const queue = await workQueue(TODAY, { limit: 2 });
    expect(queue.buckets.courtWarning.count).toBe(3);
    expect(queue.buckets.courtWarning.rows.map((item) => item.date)).toEqual(['2025-08-12', '2025-08-15']);
  });

  it('rows open the case at the part their action is about, with the dialog where one does it', () => {
    expect(caseRoute('followUp', 'c1')).toBe('/cases/c1?section=requests');
    expect(caseRoute('answerOverdue', 'c1')).toBe('/cases/c1?section=requests');
    expect(caseRoute('awaiting', 'c1')).toBe('/cases/c1?section=requests');
    expect(caseRoute('recheck', 'c1')).toBe('/cases/c1?section=checks&open=check');
    expect(caseRoute('courtWarning', 'c1')).toBe('/cases/c1?section=deadlines');
    expect(caseRoute('send', 'c1', 'd1')).toBe('/cases/c1?section=documents&document=d1');
    expect(caseRoute('stale', 'c1')).toBe('/cases/c1');
  });

  it('a stale row says how long the case has been idle', async () => {
    const { db, caseId } = await newCase();
    const row = (await db.cases.get(caseId))!;
    expect(rowView('stale', { row, date: '2025-06-10' }, '2025-06-30')).toMatchObject({ date: '2025-06-10', late: false, action: { key: 'stale', days: 20 } });
  });
});
