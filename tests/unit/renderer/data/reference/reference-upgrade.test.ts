import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../../../renderer/src/data/audit.repo';
import { currentReference, ensureReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { SYSTEM_WHO, UPGRADE_NOTE } from '../../../../../renderer/src/data/reference/reference-upgrade.repo';
import type { ReferenceBundle } from '../../../../../shared/reference';
import { factoryBundle } from '../../../support/reference-fixtures';
import { freshDb } from '../../../support/db-fixtures';

const api = { getFactoryReference: async () => ({ ok: true as const, value: factoryBundle() }) };

/** A database as an earlier release left it: version 3 of the reference data, edited, causes without arguments. */
async function earlierInstall() {
  const db = freshDb();
  const bundle: ReferenceBundle = structuredClone({ ...factoryBundle(), version: 3 });
  for (const cause of bundle.causes) delete (cause as { arguments?: unknown }).arguments;
  delete (bundle as { dates?: unknown }).dates;
  bundle.causes[1]!.explanation.ky = 'Кызматкер өзгөрткөн түшүндүрмө.';
  await db.referenceVersions.add({ version: 3, bundle, at: '2026-01-10T09:00:00.000Z', who: 'Токтогулов Нурлан' });
  return db;
}

describe('the reference data upgrade on start', () => {
  it('stores the factory arguments as a new version, audited as the app\'s own, keeping the caseworker\'s edit', async () => {
    const db = await earlierInstall();
    const bundle = await ensureReference(api);
    expect(bundle.version).toBe(4);
    expect(bundle.causes[1]!.explanation.ky).toBe('Кызматкер өзгөрткөн түшүндүрмө.');
    expect(bundle.causes.find((c) => c.id === 'R-1')!.arguments).toEqual(factoryBundle().causes.find((c) => c.id === 'R-1')!.arguments);
    expect((await currentReference())!.version).toBe(4);
    expect(await db.referenceVersions.count()).toBe(2);
    const audit = (await auditFor('')).filter((r) => r.entity === 'reference');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ who: SYSTEM_WHO, entityId: '4', note: UPGRADE_NOTE });
    expect(audit[0]!.changes.map((c) => c.field)).toContain('causes.R-1');
    expect(audit[0]!.changes.find((c) => c.field === 'dates.register_start')).toMatchObject({ before: null, after: { date: '2025-02-05' } });
    expect(bundle.dates).toEqual(factoryBundle().dates);
  });

  it('runs once: the next start stores nothing new', async () => {
    const db = await earlierInstall();
    await ensureReference(api);
    await ensureReference(api);
    expect(await db.referenceVersions.count()).toBe(2);
    expect((await auditFor('')).filter((r) => r.entity === 'reference')).toHaveLength(1);
  });

  it('a fresh install stores the factory data once and needs no upgrade', async () => {
    const db = freshDb();
    await ensureReference(api);
    await ensureReference(api);
    expect(await db.referenceVersions.count()).toBe(1);
    expect(await auditFor('')).toHaveLength(0);
  });

  it('when the factory data cannot be had, the stored version stays in force and nothing is written', async () => {
    await earlierInstall();
    await expect(ensureReference({ getFactoryReference: async () => ({ ok: false as const, error: { code: 'IO_ERROR' as const, message: 'x' } }) })).rejects.toThrow(/unavailable/);
    expect((await currentReference())!.version).toBe(3);
    expect(await auditFor('')).toHaveLength(0);
  });
});
