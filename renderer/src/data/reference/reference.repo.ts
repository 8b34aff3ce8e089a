import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import { withFactoryTranslations } from '../../../../shared/reference/translations';
import { registrationGraceRules } from '../../../../shared/reference/lookup';
import type { RegistrationGraceRules } from '../../../../shared/case/registration-gaps';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { needsReferenceUpgrade } from '../../../../shared/reference/upgrade';
import { IpcCallError } from '../../../../shared/ipc/result';
import { db } from '../schema';

/** The reference data in force: the highest stored version. */
export async function currentReference(): Promise<ReferenceBundle | undefined> {
  return (await db().referenceVersions.orderBy('version').last())?.bundle;
}

/**
 * The reference data in force; on first run the factory data shipped with the app is fetched from main
 * and stored as the first version, so every later edit is a new version on top of it. Data stored by an
 * earlier release is brought up to this one's first (./reference-upgrade.repo, loaded only when needed).
 */
export async function ensureReference(api: Pick<AryzApi, 'getFactoryReference'>): Promise<ReferenceBundle> {
  const current = await currentReference();
  if (current) {
    // Data saved by an earlier version gains what the factory added since (arguments, dates, clocks), once.
    const bundle = needsReferenceUpgrade(current) ? await (await import('./reference-upgrade.repo')).upgradeReferenceData(api) : current;
    if (!factoryCopy) await readFactory(api).catch(() => undefined);
    return factoryCopy ? withFactoryTranslations(bundle, factoryCopy) : bundle;
  }
  const factory = await api.getFactoryReference({});
  if (!factory.ok) throw new IpcCallError(factory.error, 'reference data unavailable');
  remember(factory.value);
  await db().transaction('rw', db().referenceVersions, async () => {
    if ((await db().referenceVersions.count()) === 0) {
      await db().referenceVersions.add({ version: factory.value.version, bundle: factory.value, at: new Date().toISOString(), who: 'factory' });
    }
  });
  return (await currentReference())!;
}

/**
 * The factory copy, read once per start: its English texts are shown for stored rows that predate them and
 * still carry the factory's Russian (shared/reference/translations.ts). Nothing is written for it; the next
 * edit of a row stores what the form showed.
 */
let factoryCopy: ReferenceBundle | null = null;
const factoryListeners = new Set<() => void>();

function remember(bundle: ReferenceBundle): void {
  factoryCopy = bundle;
  for (const listener of factoryListeners) listener();
}

async function readFactory(api: Pick<AryzApi, 'getFactoryReference'>): Promise<void> {
  const factory = await api.getFactoryReference({});
  if (factory.ok) remember(factory.value);
}

function useFactoryCopy(): ReferenceBundle | null {
  return useSyncExternalStore(
    (listener) => {
      factoryListeners.add(listener);
      return () => factoryListeners.delete(listener);
    },
    () => factoryCopy,
  );
}

export function useReference(): ReferenceBundle | undefined {
  const factory = useFactoryCopy();
  const stored = useLiveQuery(() => currentReference(), []);
  // One object per stored version: screens key effects and memos on it.
  return useMemo(() => (stored && factory ? withFactoryTranslations(stored, factory) : stored), [stored, factory]);
}

/** The registration grace days in force (reference data terms); the factory values until the data has loaded. */
export function useRegistrationGrace(): RegistrationGraceRules {
  const bundle = useReference();
  return useMemo(() => registrationGraceRules(bundle), [bundle]);
}

export async function referenceHistory() {
  return db().referenceVersions.orderBy('version').reverse().toArray();
}
