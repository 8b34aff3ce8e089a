/**
 * The page's Content-Security-Policy, sent as a header by the app:// protocol and the test bridge and
 * repeated in renderer/index.html's meta tag (a unit test keeps them equal).
 * No inline scripts or styles, no eval, no remote origin of any kind: the app never talks to a network.
 *
 * electronegativity: CSP_GLOBAL_CHECK — its CSP evaluator warns that `script-src 'self'` is risky where the
 * origin also serves JSONP or user uploads. app:// serves only the built renderer (electron/main/protocol.ts
 * refuses everything else); attachments and generated PDFs are read through IPC, never from the origin.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  // DOM sinks (innerHTML, script URLs, eval-like calls) take only Trusted Types, and the one policy allowed is the
  // page's default one (renderer/src/app/trusted-types.ts), which passes same-origin script URLs (workers) and
  // nothing else: a string that reaches innerHTML by mistake throws instead of becoming markup.
  "require-trusted-types-for 'script'",
  "trusted-types default",
];

/** The policy as index.html's meta tag carries it (a fallback should the header ever be missing). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');

/** The policy as a response header; frame-ancestors only works there (browsers ignore it in a meta tag). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
