import i18next, { type i18n } from 'i18next';
import { FEATURE_MESSAGES } from '../../../renderer/src/app/feature-messages';
import { messagesFor, type Language } from '../../../renderer/src/i18n';
import type { Translate } from '../../../renderer/src/ui/case/describe';

/** The app's real strings in one language, every feature's, outside React: what the page would say. */
export async function translator(language: Language = 'ru'): Promise<{ t: Translate; instance: i18n }> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: messagesFor(language, FEATURE_MESSAGES) } },
    interpolation: { escapeValue: false },
    // A missing key must show up as the key, never fall back to another language silently.
    fallbackLng: false,
  });
  return { t: (key, params) => instance.t(key, params), instance };
}
