import { describe, expect, it } from 'vitest';
import { chainRow, GENESIS_HASH, verifyChain } from '../../../../shared/audit/chain';

type Row = { [key: string]: unknown };

async function log(n: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const previous = rows.at(-1) as { seq: number; hash: string } | undefined;
    rows.push({ ...(await chainRow({ at: `2026-12-07T10:0${i}:00Z`, who: 'Токтогулов', action: 'case.update', caseId: `c${i}`, detail: { field: 'phone' } }, previous ?? null)) });
  }
  return rows;
}

describe('the hash-chained audit', () => {
  it('links every row to the one before and verifies an untouched log', async () => {
    const rows = await log(5);
    expect(rows[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(rows[3]!.prevHash).toBe(rows[2]!.hash);
    const verdict = await verifyChain(rows);
    expect(verdict).toEqual({ ok: true, rows: 5, headHash: rows[4]!.hash, headSeq: 5, unchained: 0 });
  });

  it('reports a row edited outside the app', async () => {
    const rows = await log(5);
    rows[2] = { ...rows[2], who: 'Кто-то другой' };
    expect(await verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 2, reason: 'edited' });
  });

  it('reports a row removed from the middle', async () => {
    const rows = await log(5);
    rows.splice(1, 1);
    expect(await verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 1, reason: 'link' });
  });

  it('reports a row inserted, even one hashed correctly', async () => {
    const rows = await log(5);
    const forged = await chainRow({ at: '2026-12-07T10:02:30Z', who: 'X', action: 'case.delete', caseId: 'c9' }, rows[1] as { seq: number; hash: string });
    rows.splice(2, 0, { ...forged });
    expect(await verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 3, reason: 'link' });
  });

  it('reports rows removed from the end against the head recorded elsewhere', async () => {
    const rows = await log(5);
    const head = { seq: 5, hash: rows[4]!.hash as string };
    expect((await verifyChain(rows, { expectedHead: head })).ok).toBe(true);
    expect(await verifyChain(rows.slice(0, 4), { expectedHead: head })).toMatchObject({ ok: false, reason: 'head', brokenAt: 4 });
  });

  it('ignores a key the database assigns after hashing', async () => {
    const rows = (await log(3)).map((row, i) => ({ ...row, id: i + 100 }));
    expect((await verifyChain(rows, { ignore: ['id'] })).ok).toBe(true);
    expect((await verifyChain(rows)).ok).toBe(false);
  });

  it('starts after the unchained rows of an older database, and refuses an unchained row after the start', async () => {
    const legacy: Row[] = [{ seq: 1, at: 'a', who: 'x' }, { seq: 2, at: 'b', who: 'y' }];
    let previous: { seq: number; hash: string } | null = null;
    const chained: Row[] = [];
    for (let i = 0; i < 3; i++) {
      const row: Row = { ...chainRow({ at: `c${i}`, who: 'z' }, previous ?? { seq: 2, hash: GENESIS_HASH }) };
      previous = row as { seq: number; hash: string };
      chained.push(row);
    }
    expect(chained[0]!.seq).toBe(3);
    expect(await verifyChain([...legacy, ...chained], { allowUnchainedPrefix: true })).toMatchObject({ ok: true, rows: 5, unchained: 2 });
    expect((await verifyChain([...legacy, ...chained])).ok).toBe(false);
    const { hash: _dropped, ...stripped } = chained[1]!;
    expect(await verifyChain([...legacy, chained[0]!, stripped, chained[2]!], { allowUnchainedPrefix: true })).toMatchObject({ ok: false, brokenAt: 3, reason: 'edited' });
  });

  it('hashes key order independently (canonical JSON)', async () => {
    const a = await chainRow({ b: 1, a: 2 }, null);
    const b = await chainRow({ a: 2, b: 1 }, null);
    expect(a.hash).toBe(b.hash);
  });
});
