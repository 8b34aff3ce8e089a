import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { IntakeDraft } from '../../../shared/case';
import { AryzDb } from '../../../renderer/src/db/db';
import type { Actor } from '../../../renderer/src/features/cases/repository';
import { validIntake } from '../case/fixtures';

let n = 0;
/** A fresh database per test: its own IndexedDB factory, nothing shared. */
export function freshDb(): AryzDb {
  return new AryzDb(`test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export const actor: Actor = { who: 'Токтогулов Нурлан', missionId: 'mKR', missionPrefix: 'КР-М' };

/** A valid intake with its own ids and overridable identity. */
export function intake(overrides: {
  id?: string;
  nameKy?: [string, string, string];
  nameRu?: [string, string, string];
  nameLat?: [string, string, string];
  pin?: string;
  series?: string;
  number?: string;
  birth?: { year: number; month?: number; day?: number };
  region?: string;
} = {}): IntakeDraft {
  const draft = validIntake();
  const id = overrides.id ?? `p${++n}`;
  draft.person.id = id;
  const name = (v: [string, string, string]) => ({ surname: v[0], givenName: v[1], patronymic: v[2] });
  if (overrides.nameKy) draft.person.nameKy = name(overrides.nameKy);
  if (overrides.nameRu) draft.person.nameRu = name(overrides.nameRu);
  if (overrides.nameLat) draft.person.nameLat = name(overrides.nameLat);
  draft.person.otherSpellings = [];
  draft.person.pin = overrides.pin ?? '';
  if (overrides.birth) draft.person.birthDate = overrides.birth;
  draft.documents = [{ ...draft.documents[0]!, id: `${id}-d`, series: overrides.series ?? 'AC', number: overrides.number ?? String(1000000 + n) }];
  draft.stays = [{ ...draft.stays[0]!, id: `${id}-s`, documentId: `${id}-d` }];
  draft.registrations = [{ ...draft.registrations[0]!, id: `${id}-r` }];
  draft.employments = [{ ...draft.employments[0]!, id: `${id}-e` }];
  if (overrides.region) draft.case.region = overrides.region;
  return draft;
}
