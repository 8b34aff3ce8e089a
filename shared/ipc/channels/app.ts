import { z } from 'zod';

export const UI_LANGUAGES = ['ru', 'ky', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Calls about the app itself rather than about cases: its language for the shell, and support information. */
export const APP_CHANNELS = {
  /** The page's language, so main's menu and dialogs speak it too; remembered for the next start. */
  'app:setLanguage': {
    request: z.object({ language: z.enum(UI_LANGUAGES) }).strict(),
    response: z.object({}).strict(),
  },
  /**
   * «Сведения для поддержки»: the log files (which hold no personal data) and version information, written to a
   * file the caseworker chooses in the save dialog.
   */
  'app:saveSupportInfo': {
    request: z.object({}).strict(),
    response: z.object({ status: z.enum(['saved', 'canceled']), fileName: z.string(), bytes: z.number().int().nonnegative() }),
  },
} as const;
