import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ky } from './ky';
import { ru } from './ru';
import type { FeatureMessages } from './feature-messages';

export const LANGUAGES = ['ru', 'ky', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'aryz.language';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'ru';
  } catch {
    return 'ru';
  }
}

/** Main's menu and dialogs follow the page's language (app:setLanguage); a failure leaves them as they were. */
function tellShell(language: Language): void {
  const api = typeof window === 'undefined' ? undefined : window.aryz;
  void api?.setAppLanguage({ language }).catch(() => undefined);
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  tellShell(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private profile); the switch still applies for this session.
  }
}

const BASE = { ru, ky, en } as const;

/** One language's whole tree: the shell's strings and each feature's under its namespace. */
export function messagesFor(language: Language, features: readonly FeatureMessages[]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...BASE[language] };
  for (const feature of features) {
    if (feature.namespace in merged) throw new Error(`i18n namespace ${feature.namespace} defined twice`);
    merged[feature.namespace] = feature[language];
  }
  return merged;
}

/** `features`: each feature's messages, listed by the app shell (app/feature-messages.ts); i18n knows no feature. */
export async function initI18n(features: readonly FeatureMessages[]): Promise<typeof i18next> {
  const lng = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: {
      ru: { translation: messagesFor('ru', features) },
      ky: { translation: messagesFor('ky', features) },
      en: { translation: messagesFor('en', features) },
    },
    lng,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  tellShell(lng);
  return i18next;
}
