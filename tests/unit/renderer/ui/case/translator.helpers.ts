import i18next, { type i18n } from 'i18next';
import { casePageMessages } from '../../../../../renderer/src/features/case-page/messages';
import type { Translate } from '../../../../../renderer/src/ui/case/describe';
import { casesMessages } from '../../../../../renderer/src/features/cases/messages';
import { en } from '../../../../../renderer/src/i18n/en';
import { ky } from '../../../../../renderer/src/i18n/ky';
import { ru } from '../../../../../renderer/src/i18n/ru';

const BASE = { ru, ky, en } as const;

/** The app's real strings in one language, outside React: what the page would say. */
export async function translator(language: 'ru' | 'ky' | 'en' = 'ru'): Promise<{ t: Translate; instance: i18n }> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: {
      [language]: {
        translation: { ...BASE[language], cases: casesMessages[language], casePage: casePageMessages[language] },
      },
    },
    interpolation: { escapeValue: false },
    // A missing key must show up as the key, never fall back to another language silently.
    fallbackLng: false,
  });
  return { t: (key, params) => instance.t(key, params), instance };
}
