/**
 * The page's Content-Security-Policy. The same string is sent as a header by the app:// protocol and the
 * test bridge, and stands in renderer/index.html's meta tag (a unit test keeps the three equal).
 * No inline scripts or styles, no eval, no remote origin of any kind: the app never talks to a network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
