/**
 * The page's one Trusted Types policy, named `default` so the browser applies it to every string that reaches a
 * script sink. The CSP (shared/security/csp.ts) requires Trusted Types and allows no other policy. Only script
 * URLs are passed, and only same-origin ones: the app's own workers (reports, pdf.js). HTML and script text
 * have no rule, so `innerHTML = string` and friends throw instead of running markup. Imported first by main.tsx.
 */

export interface TrustedTypesRules {
  createScriptURL(input: string): string;
}

export function trustedTypesRules(origin: string): TrustedTypesRules {
  return {
    createScriptURL(input: string): string {
      const url = new URL(input, `${origin}/`);
      // Scheme and host rather than URL.origin, which is "null" for app:// wherever the scheme is not registered.
      const from = `${url.protocol}//${url.host}`;
      if (from !== origin) throw new TypeError(`Script URL outside the app refused: ${from}`);
      return url.href;
    },
  };
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: TrustedTypesRules): unknown;
}

const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
if (factory && typeof location !== 'undefined') factory.createPolicy('default', trustedTypesRules(location.origin));
