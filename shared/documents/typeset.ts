/**
 * Russian typesetting shared by the PDF and the on-screen letter. No line break after «№», «г.», «ст.», «ч.»,
 * «п.» or before «л.», «экз.»: a number is never torn from its sign (ГОСТ practice). pdftotext reads the
 * no-break space back as a space.
 */
export function typeset(text: string): string {
  return text
    .replace(/№ /g, '№\u00A0')
    .replace(/(^|[\s(])(г\.|ст\.|ч\.|п\.) (?=\S)/g, '$1$2\u00A0')
    .replace(/ (л\.|экз\.)(?=[\s,;.)]|$)/g, '\u00A0$1');
}

/** Words with a break opportunity inside (КР-М/2025-0147, 59-ФЗ, ID-карта) that are kept whole. */
export const UNBREAKABLE_WORD = /^\S*[-‐–—/]\S*$/u;
/** Longer «words» (a URL, a pasted list without spaces) may break, or they would run off the page. */
export const MAX_UNBREAKABLE = 30;
