import { resolveRegion } from './region-codes';
import type { SentKind } from '../deadlines/facts';
import type { SentRegime } from '../deadlines/settings';
import type { Addressee, AddresseeKind, DocumentClock, LegalRef, Mission, ReferenceDate, Verification } from './schema';

/** Questions the rest of the app asks of the reference data. */

function regionName(input: string): string {
  return resolveRegion(input) ?? input.trim();
}

export interface MissionMatch {
  mission: Mission;
  /** How sure we are that this subject belongs to this mission's district. */
  verification: Verification;
}

/** The mission whose consular district includes the region (a code or a name); null if none does. */
export function missionForRegion(missions: readonly Mission[], region: string): MissionMatch | null {
  const name = regionName(region);
  for (const mission of missions) {
    const entry = mission.district.find((d) => d.region === name);
    if (entry) return { mission, verification: entry.verification };
  }
  return null;
}

/** The migration unit of the regional MVD body for the region (a code or a name); null if the directory has none. */
export function regionalAddressee(addressees: readonly Addressee[], region: string): Addressee | null {
  const name = regionName(region);
  return addressees.find((a) => a.kind === 'mvd_regional' && a.regions.includes(name)) ?? null;
}

export function addresseesOfKind(addressees: readonly Addressee[], kind: AddresseeKind): Addressee[] {
  return addressees.filter((a) => a.kind === kind);
}

/** Generated documents may cite a provision only when it is verified (domain §10.2, §10.5). */
export function canCite(ref: Pick<LegalRef, 'verification'> | undefined): boolean {
  return ref?.verification === 'verified';
}

export function citableLegalRefs(refs: readonly LegalRef[]): LegalRef[] {
  return refs.filter(canCite);
}

/** The reference if it exists and may be cited; null otherwise, so a template can leave the citation out. */
export function citation(refs: readonly LegalRef[], id: string): LegalRef | null {
  const ref = refs.find((r) => r.id === id);
  return ref && canCite(ref) ? ref : null;
}

/**
 * The day the register of controlled persons began (260-ФЗ): used only when the reference data in force has no
 * such row (data stored before dates existed and not yet upgraded, or a row a caseworker removed by import).
 */
export const REGISTER_START_FALLBACK = '2025-02-05';

/** The register's start as the reference data in force says it. */
export function registerStart(bundle: { dates?: readonly ReferenceDate[] } | undefined): string {
  return bundle?.dates?.find((d) => d.id === 'register_start')?.date ?? REGISTER_START_FALLBACK;
}

/** Which clock each outgoing kind starts, as the reference data in force says; kinds it lacks keep the defaults. */
export function documentRegimes(bundle: { documentClocks?: readonly DocumentClock[] } | undefined): Partial<Record<SentKind, SentRegime>> {
  return Object.fromEntries((bundle?.documentClocks ?? []).map((c) => [c.id, c.regime]));
}

/**
 * Whether a document may state the legal term an outgoing kind starts as law: only when the reference data
 * marks that kind's term verified (an unverified term still runs, as a tracking aid).
 */
export function termStatedAsLaw(bundle: { documentClocks?: readonly DocumentClock[] } | undefined, kind: SentKind): boolean {
  const row = bundle?.documentClocks?.find((c) => c.id === kind);
  return row !== undefined && row.regime === 'appeal' && row.verification === 'verified';
}
