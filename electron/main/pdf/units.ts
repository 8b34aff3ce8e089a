/**
 * Page geometry every Aryz PDF shares, in PDF points (1/72 inch), which is what pdfmake measures in.
 */

/** Points per millimetre (72 / 25.4). */
export const MM = 2.8346;

/** A4 in points, portrait: 210 × 297 mm. */
export const A4_WIDTH = 595.28;
export const A4_HEIGHT = 841.89;

/** ГОСТ Р 7.0.97-2016 fields of official correspondence as pdfmake's [left, top, right, bottom]: 20, 20, 10, 20 mm. */
export const GOST_PAGE_MARGINS: [number, number, number, number] = [20 * MM, 20 * MM, 10 * MM, 20 * MM];

/** Width between the ГОСТ fields of a portrait A4 page. */
export const GOST_CONTENT_WIDTH = A4_WIDTH - GOST_PAGE_MARGINS[0] - GOST_PAGE_MARGINS[2];
