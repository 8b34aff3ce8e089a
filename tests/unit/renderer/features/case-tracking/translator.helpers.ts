import i18next from 'i18next';
import { casePageMessages } from '../../../../../renderer/src/features/case-page/messages';
import type { Translate } from '../../../../../renderer/src/ui/case/describe';
import { trackingMessages } from '../../../../../renderer/src/features/case-tracking/messages';
import { casesMessages } from '../../../../../renderer/src/features/cases/messages';
import { en } from '../../../../../renderer/src/i18n/en';
import { ky } from '../../../../../renderer/src/i18n/ky';
import { ru } from '../../../../../renderer/src/i18n/ru';

const BASE = { ru, ky, en } as const;

/** The app's real strings in one language, outside React; a missing key comes back as the key itself. */
export async function translator(language: 'ru' | 'ky' | 'en' = 'ru'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: {
      [language]: {
        translation: { ...BASE[language], cases: casesMessages[language], casePage: casePageMessages[language], tracking: trackingMessages[language] },
      },
    },
    interpolation: { escapeValue: false },
    fallbackLng: false,
  });
  return (key, params) => instance.t(key, params);
}
