import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFactoryReference } from '../../../electron/main/reference/factory';
import { parseTemplate } from '../../../shared/documents/template-schema';
import { parseReferenceBundle } from '../../../shared/reference/load';
import { mutationsOf } from './mutate';
import { pollution } from './schema-arbitrary';
import { recordFuzz } from './stats';

/**
 * Every parser of outside data, fed valid documents with parts replaced or removed, arbitrary values and
 * pollution keys: each must answer its typed result (accepted, or refused with issues), never throw, and
 * never accept a document it then cannot use. Runs per parser: ARYZ_FUZZ_RUNS (100 in `npm test`).
 */
const RUNS = Number(process.env.ARYZ_FUZZ_RUNS ?? 100);
const ROOT = path.resolve(__dirname, '../../..');

interface Parser {
  name: string;
  examples: () => Promise<unknown[]>;
  /** Answers true when the input was handled (accepted or refused as the parser's contract says). */
  check: (input: unknown) => Promise<boolean> | boolean;
}

const templateFiles = readdirSync(path.join(ROOT, 'resources/templates')).filter((f) => f.endsWith('.json'));

const PARSERS: Parser[] = [
  {
    name: 'document template (resources/templates, the template editor)',
    examples: async () => templateFiles.map((f) => JSON.parse(readFileSync(path.join(ROOT, 'resources/templates', f), 'utf8'))),
    check: (input) => {
      const result = parseTemplate(input);
      return result.ok ? typeof result.template.id === 'string' : result.issues.length > 0;
    },
  },
  {
    name: 'reference data import (Справочники)',
    examples: async () => [await loadFactoryReference(path.join(ROOT, 'resources/reference'))],
    check: (input) => {
      const result = parseReferenceBundle(input);
      return result.ok ? Array.isArray(result.bundle.calendar) : result.issues.length > 0;
    },
  },
];

let runs = 0;
let failures = 0;

describe('parsers of outside data under generated input', () => {
  for (const parser of PARSERS) {
    it(`${parser.name}: a typed result for every input, never an exception`, async () => {
      const examples = await parser.examples();
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(await parser.check(example)).toBe(true);
      try {
        await fc.assert(
          fc.asyncProperty(fc.oneof({ weight: 6, arbitrary: mutationsOf(examples) }, { weight: 2, arbitrary: fc.anything({ maxDepth: 4 }) }, { weight: 1, arbitrary: pollution }), async (input) => {
            runs++;
            return (await parser.check(input)) && ({} as Record<string, unknown>).polluted === undefined;
          }),
          { numRuns: RUNS },
        );
      } catch (error) {
        failures++;
        throw new Error(String(error).slice(0, 3000));
      }
    }, 10 * 60_000);
  }

  afterAll(() => recordFuzz('parsers', { parsers: PARSERS.length, runs, failures }));
});
