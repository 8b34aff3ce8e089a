import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/ipc/channels/app';

const FILE = 'ui-language.json';

/** The page's last language (app:setLanguage), else the system's when it is one of ours, else Russian. */
export function startLanguage(dataDir: string, systemLocale: string): UiLanguage {
  try {
    const saved = (JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8')) as { language?: unknown }).language;
    if ((UI_LANGUAGES as readonly unknown[]).includes(saved)) return saved as UiLanguage;
  } catch {
    // first start, or an unreadable file: fall through to the system's language
  }
  const system = systemLocale.toLowerCase().slice(0, 2);
  return system === 'ky' || system === 'en' ? system : 'ru';
}

export function saveLanguage(dataDir: string, language: UiLanguage): void {
  writeFileSync(path.join(dataDir, FILE), JSON.stringify({ language }));
}
