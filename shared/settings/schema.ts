import { z } from 'zod';

/** Limits shared by the form and the main process: a field longer than this is bad input, not data. */
export const LIMITS = {
  name: 300,
  address: 500,
  phones: 200,
  prefix: 20,
  personName: 200,
  position: 200,
  phone: 50,
} as const;

const required = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max);

/** Outgoing-number prefixes look like «КР-М», «01-12/К»: letters, digits and a few separators. */
export const OUTGOING_PREFIX_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}./\- ]*$/u;

export const missionSettingsSchema = z
  .object({
    nameRu: required(LIMITS.name),
    nameKy: required(LIMITS.name),
    address: required(LIMITS.address),
    phones: optional(LIMITS.phones),
    outgoingPrefix: required(LIMITS.prefix).regex(OUTGOING_PREFIX_PATTERN),
  })
  .strict();

export const caseworkerProfileSchema = z
  .object({
    fullName: required(LIMITS.personName),
    position: required(LIMITS.position),
    phone: optional(LIMITS.phone),
  })
  .strict();

export type MissionSettings = z.infer<typeof missionSettingsSchema>;
export type CaseworkerProfile = z.infer<typeof caseworkerProfileSchema>;

export const emptyMission: MissionSettings = { nameRu: '', nameKy: '', address: '', phones: '', outgoingPrefix: '' };
export const emptyCaseworker: CaseworkerProfile = { fullName: '', position: '', phone: '' };
