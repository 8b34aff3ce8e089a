/**
 * A design token (a CSS custom property of styles.css) for code that draws outside CSS (charts on a canvas,
 * thumbnails), so every colour is defined once, in styles.css.
 */
export function cssToken(name: `--${string}`): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
