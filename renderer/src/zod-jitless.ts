import { z } from 'zod';

// zod probes `new Function` when it builds an object schema; under the app's CSP (no 'unsafe-eval') the
// probe fails anyway but is reported as a CSP violation. Imported first in main.tsx, before any schema exists.
z.config({ jitless: true });
