import { z } from 'zod';

/**
 * A file name for a save dialog to suggest: no folder part and no character Windows refuses in a name, so
 * the page can propose a name but never a place.
 */
export function suggestedFileName(max = 200) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !/[\\/:*?"<>|]/.test(name) && [...name].every((ch) => ch.charCodeAt(0) >= 0x20));
}
