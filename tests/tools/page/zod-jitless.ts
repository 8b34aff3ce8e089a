import { z } from 'zod';

// Evaluated over CDP, zod's probe for `new Function` succeeds (CDP may eval), but the parsers it compiles
// would then run later under the page's CSP and be refused. Imported first, before any schema is built.
z.config({ jitless: true });
