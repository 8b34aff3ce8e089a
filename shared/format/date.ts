/**
 * Russian paperwork writes dates as дд.мм.гггг («05.02.2025»). The calendar day is the one on the machine's clock
 * (local time): a document generated at 00:30 Bishkek time carries that day, not the previous UTC day.
 * Throws on an invalid Date rather than printing «NaN.NaN.NaN» on an official document.
 */
export function formatDateRu(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('formatDateRu: invalid date');
  const day = String(date.getDate()).padStart(2, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const year = String(date.getFullYear()).padStart(4, '0');
  return `${day}.${month}.${year}`;
}
