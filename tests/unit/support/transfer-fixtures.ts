import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBundle, writeBundle, type BundleInput } from '../../../electron/main/transfer/bundle-file';
import type { AryzDb } from '../../../renderer/src/data/schema';
import { createCase } from '../../../renderer/src/data/cases/cases.repo';
import { addRequest } from '../../../renderer/src/data/tracking/requests.repo';
import { gatherCases } from '../../../renderer/src/data/transfer/gather.repo';
import type { BundleManifest, BundleRecord } from '../../../shared/transfer/bundle';
import { actor, intake, selectDb } from './db-fixtures';

/** Fast scrypt for tests; the reader accepts any power of two from 2^10. */
export const FAST = { kdf: { N: 2 ** 14, r: 8, p: 1 } };
export const PASS = 'correct horse battery staple';
export const NOW = new Date('2025-06-01T09:00:00Z');

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'aryz-transfer-'));
}

/** Two cases with a request each, created through the repositories as the app would. */
export async function seedCases(db: AryzDb, count = 2): Promise<string[]> {
  selectDb(db);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createCase(intake({ pin: '' }), actor, { now: NOW });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await addRequest(created.value.id, { kind: 'mission_letter', addressee: 'УВМ ГУ МВД по г. Москве', ourNumber: `15-${i}`, sentAt: '2025-05-20' }, actor, NOW);
    ids.push(created.value.id);
  }
  return ids;
}

export function input(records: BundleRecord[], attachments: BundleInput['attachments'] = []): BundleInput {
  return {
    bundleId: `b${Math.random().toString(36).slice(2)}`,
    createdAt: NOW.toISOString(),
    source: { missionId: 'mKR', missionName: 'Посольство КР в РФ', caseworker: actor.who },
    appVersion: '0.1.0',
    schemaVersion: 9,
    records,
    attachments,
  };
}

export async function manifestFor(records: BundleRecord[]): Promise<BundleManifest> {
  const built = buildBundle(input(records));
  if (!built.ok) throw new Error(`${built.reason} ${built.detail ?? ''}`);
  return built.value.manifest;
}

/** Gathers the cases and writes a sealed bundle; answers its path and what went in. */
export async function writeCasesBundle(db: AryzDb, caseIds: string[], dir: string, files: { data: Buffer }[] = []) {
  selectDb(db);
  const gathered = await gatherCases(caseIds);
  const attachments: BundleInput['attachments'] = [];
  for (const [i, file] of files.entries()) {
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const p = path.join(dir, `att-${i}`);
    await writeFile(p, file.data);
    attachments.push({ sha256, path: p, bytes: file.data.length });
  }
  const built = buildBundle(input(gathered.records, attachments));
  if (!built.ok) throw new Error(`${built.reason} ${built.detail ?? ''}`);
  const target = path.join(dir, 'cases.aryzt');
  await writeBundle(target, PASS, built.value, attachments, FAST);
  return { target, built: built.value, gathered };
}
