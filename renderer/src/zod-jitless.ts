import { config } from 'zod/v4';

// zod probes `new Function` whenever it builds an object schema; under the app's CSP (no 'unsafe-eval') the
// probe fails anyway but is reported as a CSP violation. The renderer build aliases `zod` to this module
// (electron.vite.config.ts), so this line runs before any module that builds a schema, whichever chunk
// it lands in.
config({ jitless: true });

export * from 'zod/v4';
