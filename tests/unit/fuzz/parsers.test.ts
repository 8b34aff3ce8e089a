import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSealedFile, SealedFileError, writeSealedFile } from '../../../electron/main/crypto/sealed-file';
import { parseImportBytes } from '../../../electron/main/import/read-file';
import { readBundle } from '../../../electron/main/transfer/bundle-file';
import { loadFactoryReference } from '../../../electron/main/reference/factory';
import { parseTemplate } from '../../../shared/documents/template-schema';
import { parseReferenceBundle } from '../../../shared/reference/load';
import { freshDb } from '../support/db-fixtures';
import { PASS, seedCases, writeCasesBundle } from '../support/transfer-fixtures';
import { mutationsOf } from '../support/fuzz-mutate';
import { pollution } from '../support/fuzz-arbitrary';
import { recordFuzz } from '../support/fuzz-stats';

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
  /** Byte-level parsers get damaged bytes (flips, cuts, insertions) instead of structural mutations. */
  bytes?: boolean;
  /** Answers true when the input was handled (accepted or refused as the parser's contract says). */
  check: (input: unknown) => Promise<boolean> | boolean;
}

const SEALED_PASS = 'фраза для проверки';
const CHEAP_KDF = { N: 2 ** 10, r: 8, p: 1 };
const scratch = mkdtempSync(path.join(tmpdir(), 'aryz-fuzz-parsers-'));
let scratchCount = 0;
function scratchFile(bytes: Uint8Array): string {
  const file = path.join(scratch, `input-${++scratchCount}`);
  writeFileSync(file, bytes);
  return file;
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
  {
    name: 'CSV and XLSX lists of citizens (import)',
    bytes: true,
    examples: async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Лист1');
      sheet.addRow(['Фамилия', 'Имя', 'Дата рождения', 'ПИН']);
      sheet.addRow(['Жумагулов', 'Бакыт', new Date(Date.UTC(1990, 2, 12)), '21203199000123']);
      sheet.addRow(['Үсөнов', 'Нурлан', '12.03.1991', { formula: 'A2&B2', result: 'ЖумагуловБакыт' }]);
      const csv = 'Фамилия;Имя;Дата рождения\r\nЖумагулов;Бакыт;12.03.1990\r\n"Осмонова; А.";Айгүл;1 мая 1988\r\n';
      return [new Uint8Array(await book.xlsx.writeBuffer()), new TextEncoder().encode(csv), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)])];
    },
    check: async (input) => {
      if (!(input instanceof Uint8Array)) return true;
      const result = await parseImportBytes(input, input[0] === 0x50 ? 'list.xlsx' : 'list.csv');
      return typeof result.status === 'string';
    },
  },
  {
    name: 'backup reader (sealed file)',
    bytes: true,
    examples: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'aryz-fuzz-sealed-'));
      const target = path.join(dir, 'copy.aryzbak');
      async function* parts() {
        yield new TextEncoder().encode('{"table":"cases","rows":[{"id":"c1","number":"КР-М-25-00001"}]}\n'.repeat(40));
      }
      await writeSealedFile(target, SEALED_PASS, { counts: { cases: 40 }, schemaVersion: 10 }, parts(), { kdf: CHEAP_KDF, chunkSize: 1024 });
      return [new Uint8Array(readFileSync(target))];
    },
    check: async (input) => {
      if (!(input instanceof Uint8Array)) return true;
      const file = scratchFile(input);
      try {
        const opened = await readSealedFile(file, SEALED_PASS);
        for await (const part of opened.parts) void part;
        await opened.close();
        return true;
      } catch (error) {
        return error instanceof SealedFileError;
      }
    },
  },
  {
    name: 'transfer-bundle reader',
    bytes: true,
    examples: async () => {
      const db = freshDb();
      const ids = await seedCases(db, 2);
      const dir = mkdtempSync(path.join(tmpdir(), 'aryz-fuzz-bundle-'));
      const { target } = await writeCasesBundle(db, ids, dir, [{ data: Buffer.from('%PDF-1.4 scan') }]);
      return [new Uint8Array(readFileSync(target))];
    },
    check: async (input) => {
      if (!(input instanceof Uint8Array)) return true;
      const staging = mkdtempSync(path.join(tmpdir(), 'aryz-fuzz-staging-'));
      const result = await readBundle(scratchFile(input), PASS, staging);
      return typeof result.ok === 'boolean' && (result.ok || typeof result.reason === 'string');
    },
  },
];

/** Damaged copies of a file: a byte flipped, the tail cut off, bytes inserted or removed. */
function damaged(examples: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...(examples as Uint8Array[])), fc.array(fc.tuple(fc.constantFrom('flip', 'cut', 'insert', 'remove'), fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 })).map(([file, edits]) => {
    let bytes = Uint8Array.from(file);
    for (const [edit, at, value] of edits) {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (edit === 'flip' && bytes.length > 0) bytes[i] = value;
      else if (edit === 'cut') bytes = bytes.slice(0, i);
      else if (edit === 'insert') bytes = Uint8Array.from([...bytes.slice(0, i), value, ...bytes.slice(i)]);
      else bytes = Uint8Array.from([...bytes.slice(0, i), ...bytes.slice(i + 1)]);
    }
    return bytes;
  });
}

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
          fc.asyncProperty(
            parser.bytes
              ? fc.oneof({ weight: 6, arbitrary: damaged(examples) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }) })
              : fc.oneof({ weight: 6, arbitrary: mutationsOf(examples) }, { weight: 2, arbitrary: fc.anything({ maxDepth: 4 }) }, { weight: 1, arbitrary: pollution }),
            async (input) => {
            runs++;
              return (await parser.check(input)) && ({} as Record<string, unknown>).polluted === undefined;
            },
          ),
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
