import { describe, expect, it } from 'vitest';
import { openConflicts, openConflictCount, resolveConflictField } from '../../../../../renderer/src/data/mission/sync-conflicts.repo';
import { adoptMissionKey } from '../../../../../renderer/src/data/mission/membership.repo';
import { ipcSyncTransport, SyncOfflineError } from '../../../../../renderer/src/data/mission/mission-transport';
import { createAtRestCodec } from '../../../../../shared/crypto/at-rest';
import { SyncRefusal } from '../../../../../shared/sync/protocol';
import { freshDb } from '../../../support/db-fixtures';
import { TEST_DATA_KEY } from '../../../support/signed-in';

const codec = createAtRestCodec(TEST_DATA_KEY);

async function seeded() {
  const db = freshDb();
  await db.persons.put({ id: 'p1', nameRu: { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' }, nameKy: { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' }, nameLat: { surname: 'Asanov', givenName: 'Bakyt', patronymic: '' }, otherSpellings: [], documents: [], phones: [], email: 'server@example.kg', placeOfBirth: 'Ош', updatedAt: '2026-12-01T10:00:00Z' } as never);
  await db.cases.put({ id: 'c1', personId: 'p1', number: 'КР-М-7', status: 'intake', updatedAt: '2026-12-01T10:00:00Z' } as never);
  // As the engine records them: values as stored, i.e. sealed for their table and field.
  await db.syncConflicts.bulkPut([
    {
      id: 'k1',
      table: 'persons',
      key: 'p1',
      at: '2026-12-02T09:00:00Z',
      resolved: false,
      fields: [
        { field: 'email', base: codec.seal('persons.email', 'old@example.kg'), mine: codec.seal('persons.email', 'mine@example.kg'), theirs: codec.seal('persons.email', 'server@example.kg') },
        { field: 'placeOfBirth', base: codec.seal('persons.placeOfBirth', 'Бишкек'), mine: codec.seal('persons.placeOfBirth', 'Нарын'), theirs: codec.seal('persons.placeOfBirth', 'Ош') },
      ],
    },
  ]);
  return db;
}

describe('sync conflicts: both values shown, one kept, the choice audited, nothing lost', () => {
  it('lists a conflict with its case and both values opened', async () => {
    await seeded();
    const [conflict] = await openConflicts();
    expect(conflict).toMatchObject({ table: 'persons', key: 'p1', caseId: 'c1', caseNumber: 'КР-М-7' });
    expect(conflict!.fields).toEqual([
      { field: 'email', mine: 'mine@example.kg', theirs: 'server@example.kg', choice: null },
      { field: 'placeOfBirth', mine: 'Нарын', theirs: 'Ош', choice: null },
    ]);
    expect(await openConflictCount()).toBe(1);
  });

  it("keeping this PC's value writes it back and audits the server's as given up; keeping the server's leaves the row", async () => {
    const db = await seeded();
    await resolveConflictField('k1', 'email', 'mine', new Date('2026-12-03T08:00:00Z'));
    const person = await db.persons.get('p1');
    expect(person).toMatchObject({ email: 'mine@example.kg', placeOfBirth: 'Ош', updatedAt: '2026-12-03T08:00:00.000Z' });
    // Half chosen: still open, and the chosen field shows its choice.
    expect((await openConflicts())[0]!.fields.map((f) => f.choice)).toEqual(['mine', null]);

    await resolveConflictField('k1', 'placeOfBirth', 'theirs', new Date('2026-12-03T08:01:00Z'));
    expect(await db.persons.get('p1')).toMatchObject({ placeOfBirth: 'Ош' });
    expect(await openConflicts()).toEqual([]);
    expect(await openConflictCount()).toBe(0);

    const audit = await db.audit.where('caseId').equals('c1').sortBy('seq');
    expect(audit.map((row) => ({ entity: row.entity, entityId: row.entityId, action: row.action, changes: row.changes, note: row.note }))).toEqual([
      { entity: 'person', entityId: 'p1', action: 'update', changes: [{ field: 'email', before: 'server@example.kg', after: 'mine@example.kg' }], note: 'sync_conflict_kept_this_pc' },
      { entity: 'person', entityId: 'p1', action: 'update', changes: [{ field: 'placeOfBirth', before: 'Нарын', after: 'Ош' }], note: 'sync_conflict_kept_server' },
    ]);
    // The conflict row keeps both values as they were.
    const kept = await db.syncConflicts.get('k1');
    expect(kept!.resolved).toBe(true);
    expect(codec.open('persons.placeOfBirth', kept!.fields[1]!.mine)).toBe('Нарын');

    // A second choice for the same field changes nothing.
    await resolveConflictField('k1', 'email', 'theirs');
    expect(await db.persons.get('p1')).toMatchObject({ email: 'mine@example.kg' });
    expect(await db.audit.where('caseId').equals('c1').count()).toBe(2);
  });

  it('refuses to adopt the mission key on a PC that holds cases, before asking main', async () => {
    await seeded();
    let asked = false;
    const api = { adoptMissionKey: async () => ((asked = true), { ok: true as const, value: { status: 'ok' as const, dataKey: 'x' } }) };
    expect(await adoptMissionKey('KEY', 'password', api as never)).toEqual({ status: 'refused', reason: 'has_cases' });
    expect(asked).toBe(false);
  });

  it("the IPC transport turns main's answers into the engine's: offline retries, a refusal carries its code", async () => {
    const answers = [
      { ok: true, value: { status: 'failed', reason: 'OFFLINE' } },
      { ok: true, value: { status: 'failed', reason: 'PC_NOT_APPROVED' } },
      { ok: false, error: { code: 'INTERNAL' } },
      { ok: true, value: { status: 'ok', result: { documents: [], checkpoint: null } } },
    ];
    const api = { syncPull: async () => answers.shift(), syncPush: async () => answers.shift(), syncWait: async () => ({ ok: true, value: { changed: [], connected: true } }) };
    const transport = ipcSyncTransport(api as never);
    await expect(transport.pull('cases', null, 10)).rejects.toBeInstanceOf(SyncOfflineError);
    await expect(transport.pull('cases', null, 10)).rejects.toSatisfy((e) => e instanceof SyncRefusal && e.code === 'PC_NOT_APPROVED');
    await expect(transport.push('cases', [])).rejects.toBeInstanceOf(SyncOfflineError);
    expect(await transport.pull('cases', null, 10)).toEqual({ documents: [], checkpoint: null });
  });
});

describe('adopting the mission key on a fresh PC', () => {
  it('re-seals what setup wrote under the mission key, keeps the audit chain whole, and audits the change', async () => {
    const { recordAct, verifyAudit } = await import('../../../../../renderer/src/data/audit.repo');
    const { dataKeyBytes } = await import('../../../../../renderer/src/lib/session');
    const { signInForTests } = await import('../../../support/signed-in');
    const db = freshDb();
    await recordAct({ action: 'backup', entity: 'backup', entityId: 'b1', note: 'before joining' });
    const missionKey = new Uint8Array(32).fill(9);
    const api = { adoptMissionKey: async () => ({ ok: true as const, value: { status: 'ok' as const, dataKey: btoa(String.fromCharCode(...missionKey)) } }) };
    try {
      expect(await adoptMissionKey('MISSION-KEY', 'password', api as never)).toMatchObject({ status: 'ok' });
      expect([...dataKeyBytes()!]).toEqual([...missionKey]);
      const rows = await db.audit.orderBy(':id').toArray();
      expect(rows.map((r) => [r.action, r.note])).toEqual([
        ['backup', 'before joining'],
        ['sync_join', 'mission key adopted'],
      ]);
      expect((await verifyAudit()).ok).toBe(true);
      // Stored under the mission key: the old key no longer opens the row as it lies in IndexedDB.
      const raw = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const request = db.backendDB().transaction('audit').objectStore('audit').getAll();
        request.onsuccess = () => resolve((request.result as Record<string, unknown>[])[0]!);
        request.onerror = () => reject(request.error);
      });
      const sealedNote = raw.note;
      expect(createAtRestCodec(missionKey).open('audit.note', sealedNote)).toBe('before joining');
      expect(() => codec.open('audit.note', sealedNote)).toThrow();
    } finally {
      signInForTests();
    }
  });
});
