/**
 * The interface's text size, a per-computer preference like the language (kept in localStorage, not in the
 * case database): it sets the root font size, and every size in styles.css is in rem, so all text scales.
 */
export const TEXT_SIZES = [100, 115, 130, 150] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const STORAGE_KEY = 'aryz.textSize';
/** styles.css sets :root to 15px; a percentage scales that. */
const BASE_PX = 15;

export function storedTextSize(): TextSize {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return (TEXT_SIZES as readonly number[]).includes(value) ? (value as TextSize) : 100;
  } catch {
    return 100;
  }
}

export function applyTextSize(size: TextSize): void {
  document.documentElement.style.fontSize = size === 100 ? '' : `${(BASE_PX * size) / 100}px`;
}

export function setTextSize(size: TextSize): void {
  applyTextSize(size);
  try {
    localStorage.setItem(STORAGE_KEY, String(size));
  } catch {
    // Storage can be unavailable (private profile); the size still applies for this session.
  }
}
