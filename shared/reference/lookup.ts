import { resolveRegion } from './region-codes';
import type { SentKind } from '../deadlines/facts';
import type { SentRegime } from '../deadlines/settings';
import { DEFAULT_REGISTRATION_GRACE, type RegistrationGraceRules } from '../case/registration-gaps';
import type { Addressee, AddresseeKind, DocumentClock, LegalRef, Mission, ReferenceDate, ReferenceTerm, ReferenceTermId, Verification } from './schema';

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

type WithTerms = { terms?: readonly ReferenceTerm[] } | undefined;

/** One term of the reference data in force; undefined when it lacks the row (data not yet upgraded, a row removed by import). */
export function referenceTerm(bundle: WithTerms, id: ReferenceTermId): ReferenceTerm | undefined {
  return bundle?.terms?.find((term) => term.id === id);
}

/** The registration grace days the gap timelines and the intake checks honour; the factory values where a row is missing. */
export function registrationGraceRules(bundle: WithTerms): RegistrationGraceRules {
  return {
    afterEntryDays: referenceTerm(bundle, 'registration_grace_entry')?.days ?? DEFAULT_REGISTRATION_GRACE.afterEntryDays,
    afterContractStartDays: referenceTerm(bundle, 'registration_grace_contract')?.days ?? DEFAULT_REGISTRATION_GRACE.afterContractStartDays,
  };
}

/** Used only when the reference data in force has no `appeal_answer` row: the factory's working assumption. */
export const APPEAL_ANSWER_DAYS_FALLBACK = 30;

/** The mission's term for answering a citizen's request, with how sure we are of it. */
export function appealAnswerTerm(bundle: WithTerms): { days: number; verification: Verification } {
  const row = referenceTerm(bundle, 'appeal_answer');
  return row ? { days: row.days, verification: row.verification } : { days: APPEAL_ANSWER_DAYS_FALLBACK, verification: 'gap' };
}
