/**
 * Names main proposes in a save dialog (mission card, reports, stored documents): built from the user's own
 * text, so they must be made safe for every system the app runs on.
 */

/** C0 and C1 control characters (tab, newline, bell, …): never valid in a Windows file name. */
function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A file name that Windows (the strictest of the targets) accepts: no control characters, none of
 * < > : " / \ | ? *, no trailing dots or spaces, no reserved device name, at most `maxLength` characters
 * (the extension kept). Quotes become apostrophes and path separators dashes, so a name stays readable.
 */
export function sanitizeFileName(name: string, maxLength = 150): string {
  const extMatch = /(\.[\p{L}\p{N}]{1,8})$/u.exec(name);
  const ext = extMatch ? extMatch[1]! : '';
  let base = name.slice(0, name.length - ext.length);
  base = [...base]
    .map((ch) => (isControl(ch) ? ' ' : ch))
    .join('')
    .replace(/"/g, "'")
    .replace(/[/\\|:]/g, '-')
    .replace(/[<>?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const room = Math.max(1, maxLength - ext.length);
  if (base.length > room) {
    const cut = base.slice(0, room - 1);
    const atSpace = cut.lastIndexOf(' ');
    base = `${(atSpace > room / 2 ? cut.slice(0, atSpace) : cut).trimEnd()}…`;
  }
  base = base.replace(/[. ]+$/, '');
  if (base === '') base = '_';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}${ext}`;
}
