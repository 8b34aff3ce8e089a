import { db } from '../schema';
import {
  caseworkerProfileSchema,
  emptyCaseworker,
  emptyMission,
  missionSettingsSchema,
  type CaseworkerProfile,
  type MissionSettings,
} from '../../../../shared/settings/schema';

export interface StoredSettings {
  mission: MissionSettings;
  caseworker: CaseworkerProfile;
  /** True when both parts were saved and pass validation, i.e. documents can use them. */
  complete: boolean;
}

export async function loadSettings(): Promise<StoredSettings> {
  const [mission, caseworker] = await Promise.all([db().settings.get('mission'), db().settings.get('caseworker')]);
  const m = mission?.key === 'mission' ? mission.value : undefined;
  const c = caseworker?.key === 'caseworker' ? caseworker.value : undefined;
  return {
    mission: { ...emptyMission, ...m },
    caseworker: { ...emptyCaseworker, ...c },
    complete: missionSettingsSchema.safeParse(m).success && caseworkerProfileSchema.safeParse(c).success,
  };
}

/** Validates before writing: bad input never reaches the database, and both rows change together or not at all. */
export async function saveSettings(input: { mission: unknown; caseworker: unknown }): Promise<StoredSettings> {
  const mission = missionSettingsSchema.parse(input.mission);
  const caseworker = caseworkerProfileSchema.parse(input.caseworker);
  const updatedAt = new Date().toISOString();
  await db().transaction('rw', db().settings, async () => {
    await db().settings.put({ key: 'mission', value: mission, updatedAt });
    await db().settings.put({ key: 'caseworker', value: caseworker, updatedAt });
  });
  return { mission, caseworker, complete: true };
}
