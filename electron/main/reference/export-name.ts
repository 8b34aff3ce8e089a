/**
 * The file name the save dialog suggests for a reference export: the page's suggestion (already checked to
 * hold no folders) or one dated today, always ending in `.json` so the file opens as what it is.
 */
export function referenceFileName(suggested: string | undefined, now: Date): string {
  const base = suggested?.trim() || `aryz-reference-${now.toISOString().slice(0, 10)}`;
  return /\.json$/i.test(base) ? base : `${base}.json`;
}
