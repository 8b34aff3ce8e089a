import i18next from 'i18next';
import { ensureReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { referenceMessages } from '../../../../../renderer/src/features/reference/messages';
import { en } from '../../../../../renderer/src/i18n/en';
import { ky } from '../../../../../renderer/src/i18n/ky';
import { ru } from '../../../../../renderer/src/i18n/ru';
import { factoryBundle } from '../../../support/reference-fixtures';
import { freshDb } from '../../data/cases/cases.helpers';

export const clone = <T>(value: T): T => structuredClone(value);

/** A database holding the factory reference data as version 1, as on first run. */
export async function seededDb() {
  const db = freshDb();
  await ensureReference(db, { getFactoryReference: async () => ({ ok: true as const, value: factoryBundle() }) });
  return db;
}

const BASE = { ru, ky, en } as const;

/** The app's real strings for the reference screen, outside React. A missing key shows up as the key. */
export async function translator(language: 'ru' | 'ky' | 'en' = 'ru') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: { ...BASE[language], reference: referenceMessages[language] } } },
    interpolation: { escapeValue: false },
    fallbackLng: false,
  });
  return (key: string, params?: Record<string, unknown>) => instance.t(key, params);
}
