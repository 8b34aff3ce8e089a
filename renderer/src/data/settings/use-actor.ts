import { useLiveQuery } from 'dexie-react-hooks';
import { currentAccount } from '../../lib/session';
import type { Actor } from '../cases/cases.repo';
import { loadSettings, type StoredSettings } from './settings.repo';

/** The author of writes made with nobody signed in (tools that fill a database; the app itself always has a session). */
export const SYSTEM_WHO = 'system';

/** Saved settings, live; undefined while loading. */
export function useStoredSettings(): StoredSettings | undefined {
  return useLiveQuery(() => loadSettings(), []);
}

/** The mission id used on this PC's cases: derived from the outgoing prefix, stable while it is unchanged. */
export function missionIdOf(prefix: string): string {
  const ascii = [...prefix].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}`)).join('');
  return `m${ascii}`.slice(0, 64);
}

export function actorFrom(settings: StoredSettings | undefined): Actor | null {
  if (!settings?.complete) return null;
  // «Кто» is the signed-in account, never the caseworker name typed in settings (that stays display data: the
  // letters' executor, the case's caseworker). Without a session (the seeding tool) writes are the system's.
  return { who: currentAccount()?.name ?? SYSTEM_WHO, missionId: missionIdOf(settings.mission.outgoingPrefix), missionPrefix: settings.mission.outgoingPrefix };
}

/**
 * Who is working: every write is attributed to the signed-in account. Null when settings are incomplete
 * (case screens then ask for them first); undefined while loading.
 */
export function useActor(): Actor | null | undefined {
  const settings = useStoredSettings();
  return settings === undefined ? undefined : actorFrom(settings);
}
