import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferenceBundle, REFERENCE_FILES } from '../../../../../shared/reference/load';
import { auditFor, createCase, getCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { addCheck, closeAsExcluded } from '../../../../../renderer/src/data/tracking/checks.repo';
import { saveDiagnosisChoice } from '../../../../../renderer/src/data/tracking/diagnosis.repo';
import { saveReferenceEdit } from '../../../../../renderer/src/data/reference/reference-edits.repo';
import { ensureReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { addRequest, updateRequest } from '../../../../../renderer/src/data/tracking/requests.repo';
import { workQueue } from '../../../../../renderer/src/data/tracking/queue.repo';
import { deadlinesOf } from '../../../../../renderer/src/data/tracking/case-tracking';
import { trackingInputFor } from '../../../../../renderer/src/data/tracking/tracking-input.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const dir = path.resolve(__dirname, '../../../../../resources/reference');
const files = Object.fromEntries(Object.values(REFERENCE_FILES).map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]));
const factory = loadReferenceBundle(files);
if (!factory.ok) throw new Error('factory reference invalid');
const api = { getFactoryReference: async () => ({ ok: true as const, value: factory.bundle }) };

async function seeded() {
  const db = freshDb();
  await ensureReference(api);
  const draft = intake();
  draft.case.learnedAt = '2025-05-15';
  const created = await createCase(draft, actor, { now: new Date('2025-06-01T09:00:00Z') });
  if (!created.ok) throw new Error('seed');
  return { db, caseId: created.value.id };
}

describe('tracking repositories', () => {
  it('a sent citizen application starts its 59-ФЗ clocks on the case row, and its answer stops them', async () => {
    const { db, caseId } = await seeded();
    const now = new Date('2025-06-02T09:00:00Z');
    const sent = await addRequest(caseId, { kind: 'citizen_application', addressee: 'УВМ ГУ МВД России по г. Москве', ourNumber: '', sentAt: '2025-06-02' }, actor, now);
    expect(sent.ok).toBe(true);
    const row = await db.cases.get(caseId);
    // The register is re-checked daily after a request goes out: that is the earliest thing due.
    expect(row).toMatchObject({ nextDeadlineClock: 'register_recheck', nextDeadline: '2025-06-03', nextCheck: '2025-06-03' });
    const clocks = async (day: string) => {
      const loaded = (await getCase(caseId))!;
      const input = await trackingInputFor(caseId, new Date(`${day}T09:00:00Z`));
      return deadlinesOf(loaded.record, loaded.person, input).filter((d) => d.clock.startsWith('appeal_')).map((d) => `${d.clock}:${d.status}`);
    };
    expect(await clocks('2025-06-02')).toEqual(expect.arrayContaining(['appeal_registration:upcoming', 'appeal_answer:upcoming']));
    if (!sent.ok) return;
    const refused = await updateRequest(sent.value.id, { answeredAt: '2025-05-01' }, actor, now);
    expect(refused.ok).toBe(false);
    const answered = await updateRequest(sent.value.id, { registeredAt: '2025-06-04', answeredAt: '2025-06-20', answerSummary: 'Исключён' }, actor, new Date('2025-06-20T09:00:00Z'));
    expect(answered.ok).toBe(true);
    expect(await clocks('2025-06-20')).toEqual(expect.arrayContaining(['appeal_registration:done', 'appeal_answer:done']));
    // Sending moved the case to «requests sent», the answer back to «checking» (shared/case/status-rules.ts).
    expect((await auditFor(caseId)).map((a) => `${a.entity}:${a.action}`)).toEqual(['case:create', 'request:create', 'case:status', 'request:update', 'case:status']);
    expect((await db.cases.get(caseId))?.status).toBe('checking');
  });

  it('a negative register check proposes closing as excluded; closing sets status and outcome', async () => {
    const { caseId } = await seeded();
    const listed = await addCheck(caseId, { at: '2025-06-03T10:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: 'значится' }, actor, new Date('2025-06-03T08:00:00Z'));
    expect(listed.ok && listed.proposeExclusion).toBe(false);
    const clear = await addCheck(caseId, { at: '2025-06-10T10:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: false, resultText: 'не значится' }, actor, new Date('2025-06-10T08:00:00Z'));
    expect(clear.ok && clear.proposeExclusion).toBe(true);
    await closeAsExcluded(caseId, '2025-06-10', actor, new Date('2025-06-10T09:00:00Z'));
    const row = (await getCase(caseId))!.record;
    expect(row.status).toBe('excluded');
    expect(row.outcome).toBe('excluded');
    expect(row.nextDeadline).toBe('9999-12-31');
  });

  it('records a diagnosis choice as confirmed or overridden, with the reference version', async () => {
    const { db, caseId } = await seeded();
    const cause = factory.bundle.causes.find((c) => c.rule !== null)!;
    const ground = factory.bundle.grounds.exclusion[0]!.id;
    const confirmed = await saveDiagnosisChoice(caseId, { causeId: cause.id, exclusionGround: ground, note: '' }, { causeId: cause.id, suggestedExclusionGround: ground, confidence: 'high' }, 1, actor);
    expect(confirmed.ok && confirmed.value.decision).toBe('confirmed');
    const overridden = await saveDiagnosisChoice(caseId, { causeId: cause.id, exclusionGround: ground, note: 'иначе' }, null, 1, actor);
    expect(overridden.ok && overridden.value.decision).toBe('overridden');
    expect((await db.cases.get(caseId))?.diagnosis?.decision).toBe('overridden');
  });

  it('reference edits make a new audited version; invalid edits store nothing', async () => {
    const { db } = await seeded();
    const edited = structuredClone(factory.bundle);
    edited.legalRefs[0]!.summaryRu = `${edited.legalRefs[0]!.summaryRu} (уточнено)`;
    const saved = await saveReferenceEdit(edited, actor);
    expect(saved).toMatchObject({ ok: true, version: factory.bundle.version + 1 });
    const bad = await saveReferenceEdit({ ...edited, causes: 'nope' }, actor);
    expect(bad.ok).toBe(false);
    expect(await db.referenceVersions.count()).toBe(2);
  });

  it('the work queue puts cases in buckets by index ranges', async () => {
    await seeded();
    // Learned on 15.05.2025: the court term (3 months) runs to 15.08.2025, so the citizen is warned until then;
    // once it has passed it is a finding on the case page, not work.
    const early = await workQueue('2025-06-02');
    expect(early.buckets.courtWarning.count).toBe(1);
    expect(early.buckets.courtWarning.rows[0]?.date).toBe('2025-08-15');
    const queue = await workQueue('2025-08-20');
    expect(queue.buckets.courtWarning.count).toBe(0);
    expect(queue.buckets.stale.count).toBe(1);
  });
});
