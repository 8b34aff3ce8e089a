import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { sameValue } from '../../shared/sync/merge';
import { APPEND_ONLY_COLLECTIONS, SyncRefusal, type PullResponse, type PushRow, type RegisterNumber, type SyncCheckpoint, type SyncCollection, type SyncDoc } from '../../shared/sync/protocol';

/**
 * The server's tables. Documents are kept whole as the PCs send them (personal fields encrypted by the PC); the
 * server reads only the id and the deletion flag. `doc` is `json`, not `jsonb`: sealed fields and keyed hashes
 * begin with U+0000 (shared/crypto/at-rest.ts), which jsonb refuses ("unsupported Unicode escape sequence") and
 * json keeps as the text it was sent (the server never opens `doc` in SQL, see push). `seq` orders changes per collection for the pull checkpoint:
 * pushes to one collection are serialised by an advisory lock, so committed numbers never leave a gap behind.
 * Audit rows cannot be changed or removed even by SQL run on the server (the trigger), not only through the API.
 */
const SCHEMA = `
CREATE SEQUENCE IF NOT EXISTS sync_seq;
CREATE TABLE IF NOT EXISTS sync_docs (
  collection text NOT NULL,
  id text NOT NULL,
  doc json NOT NULL,
  deleted boolean NOT NULL,
  seq bigint NOT NULL,
  written_by text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS sync_docs_by_seq ON sync_docs (collection, seq);
CREATE OR REPLACE FUNCTION sync_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.collection = 'audit' THEN
    RAISE EXCEPTION 'audit rows are append-only' USING ERRCODE = 'AR001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER sync_docs_append_only BEFORE UPDATE OR DELETE ON sync_docs
  FOR EACH ROW EXECUTE FUNCTION sync_append_only();
CREATE TABLE IF NOT EXISTS sync_pcs (
  id text PRIMARY KEY,
  name text NOT NULL,
  secret_hash text NOT NULL,
  approved boolean NOT NULL DEFAULT false,
  expires_at timestamptz,
  enrolled_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS register_counters (year integer PRIMARY KEY, last integer NOT NULL);
CREATE TABLE IF NOT EXISTS register_issued (
  year integer NOT NULL,
  seq integer NOT NULL,
  pc_id text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, seq)
);
`;

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Register rows pushed by a PC that numbered them before it joined (`"<year>-<seq>"` ids): the server's counter
 * of each year moves past them, so `register/next` never hands out a number already in the register.
 */
async function raiseRegisterCounters(client: PoolClient, writes: SyncDoc[]): Promise<void> {
  const highest = new Map<number, number>();
  for (const doc of writes) {
    const match = /^(\d{4})-(\d+)$/.exec(doc.id);
    if (!match) continue;
    const [year, seq] = [Number(match[1]), Number(match[2])];
    highest.set(year, Math.max(highest.get(year) ?? 0, seq));
  }
  for (const [year, seq] of highest) {
    await client.query(
      `INSERT INTO register_counters (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = GREATEST(register_counters.last, EXCLUDED.last)`,
      [year, seq],
    );
  }
}

export interface PcIdentity {
  id: string;
}

export class SyncStore {
  constructor(private readonly pool: Pool) {}

  async migrate(): Promise<void> {
    // One migration at a time, so two servers started together on a new database do not race.
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', ['aryz-sync-schema']);
      await client.query(SCHEMA);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['aryz-sync-schema']).catch(() => undefined);
      client.release();
    }
  }

  /** A new PC asks to join: it gets its secret once; it can do nothing until an administrator approves it. */
  async enroll(pcId: string, name: string): Promise<{ secret: string; approved: boolean }> {
    const secret = randomBytes(32).toString('base64url');
    const result = await this.pool.query(
      `INSERT INTO sync_pcs (id, name, secret_hash) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING approved`,
      [pcId, name, hashSecret(secret)],
    );
    // An id already enrolled is never handed a new secret: that would let anyone take over an approved PC.
    if (result.rowCount === 0) throw new SyncRefusal('UNAUTHORIZED', 401);
    return { secret, approved: false };
  }

  async approve(pcId: string, validDays: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE sync_pcs SET approved = true, expires_at = now() + make_interval(days => $2) WHERE id = $1`,
      [pcId, validDays],
    );
    return result.rowCount === 1;
  }

  async revoke(pcId: string): Promise<boolean> {
    const result = await this.pool.query(`UPDATE sync_pcs SET approved = false WHERE id = $1`, [pcId]);
    return result.rowCount === 1;
  }

  async authenticate(pcId: string | undefined, secret: string | undefined): Promise<PcIdentity> {
    if (!pcId || !secret) throw new SyncRefusal('UNAUTHORIZED', 401);
    const result = await this.pool.query<{ secret_hash: string; approved: boolean; expired: boolean }>(
      `SELECT secret_hash, approved, (expires_at IS NOT NULL AND expires_at <= now()) AS expired FROM sync_pcs WHERE id = $1`,
      [pcId],
    );
    const pc = result.rows[0];
    const given = Buffer.from(hashSecret(secret), 'hex');
    if (!pc || !timingSafeEqual(given, Buffer.from(pc.secret_hash, 'hex'))) throw new SyncRefusal('UNAUTHORIZED', 401);
    if (!pc.approved) throw new SyncRefusal('PC_NOT_APPROVED', 403);
    if (pc.expired) throw new SyncRefusal('CREDENTIAL_EXPIRED', 401);
    return { id: pcId };
  }

  async pull(collection: SyncCollection, checkpoint: SyncCheckpoint | null, batchSize: number): Promise<PullResponse> {
    const result = await this.pool.query<{ doc: SyncDoc; seq: string }>(
      `SELECT doc, seq FROM sync_docs WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [collection, checkpoint?.seq ?? 0, batchSize],
    );
    const last = result.rows[result.rows.length - 1];
    return { documents: result.rows.map((row) => row.doc), checkpoint: last ? { seq: Number(last.seq) } : checkpoint };
  }

  /**
   * RxDB's master write: a row is written when the server's state is the one the PC assumed (or the row is new);
   * otherwise the server's state comes back as a conflict for the PC to merge. All rows of one push commit together.
   */
  async push(collection: SyncCollection, rows: PushRow[], pc: PcIdentity): Promise<{ conflicts: SyncDoc[]; written: number }> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sync:${collection}`]);
      // One row per id (the last one wins), as RxDB sends them: a single INSERT cannot touch a row twice.
      rows = [...new Map(rows.map((row) => [row.newDocumentState.id, row])).values()];
      const ids = rows.map((row) => row.newDocumentState.id);
      const current = await client.query<{ id: string; doc: SyncDoc }>(`SELECT id, doc FROM sync_docs WHERE collection = $1 AND id = ANY($2)`, [collection, ids]);
      const master = new Map(current.rows.map((row) => [row.id, row.doc]));
      const conflicts: SyncDoc[] = [];
      const writes: SyncDoc[] = [];
      const appendOnly = APPEND_ONLY_COLLECTIONS.includes(collection);
      for (const row of rows) {
        const doc = row.newDocumentState;
        const existing = master.get(doc.id);
        if (appendOnly) {
          if (existing ? !sameValue(existing, doc) : doc._deleted) throw new SyncRefusal('APPEND_ONLY', 403);
          if (!existing) writes.push(doc);
          continue;
        }
        if (!existing) writes.push(doc);
        else if (row.assumedMasterState && sameValue(existing, row.assumedMasterState)) writes.push(doc);
        else conflicts.push(existing);
      }
      if (writes.length > 0) {
        // One statement for the whole batch: a round trip per row made the first push of a PC crawl.
        await client.query(
          `INSERT INTO sync_docs (collection, id, doc, deleted, seq, written_by)
           SELECT $1, t.id, t.doc::json, t.deleted, nextval('sync_seq'), $5
             FROM unnest($2::text[], $3::text[], $4::boolean[]) WITH ORDINALITY AS t(id, doc, deleted, n) ORDER BY n
           ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq,
             written_by = EXCLUDED.written_by, written_at = now()`,
          // Id and deletion flag go beside the document: PostgreSQL's json operators (->>) unescape every string of
          // the document they read, and refuse the U+0000 that begins each sealed field.
          [collection, writes.map((doc) => doc.id), writes.map((doc) => JSON.stringify(doc)), writes.map((doc) => doc._deleted), pc.id],
        );
      }
      if (collection === 'outgoing' && writes.length > 0) await raiseRegisterCounters(client, writes);
      await client.query('COMMIT');
      return { conflicts, written: writes.length };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The next outgoing number of the year for the whole mission; the row lock makes two PCs at once get two numbers. */
  async nextRegisterNumber(year: number, pc: PcIdentity): Promise<RegisterNumber> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await client.query<{ last: number }>(
        `INSERT INTO register_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = register_counters.last + 1 RETURNING last`,
        [year],
      );
      const seq = result.rows[0]!.last;
      await client.query(`INSERT INTO register_issued (year, seq, pc_id) VALUES ($1, $2, $3)`, [year, seq, pc.id]);
      await client.query('COMMIT');
      return { year, seq };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
