import fc from 'fast-check';
import { z } from 'zod';

/** A JSON Schema node as zod's toJSONSchema writes it (only what the generator reads). */
interface Json {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  additionalProperties?: boolean | Json;
  items?: Json | Json[];
  prefixItems?: Json[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
  pattern?: string;
  format?: string;
}

/** Strings a payload field is likely to meet at its edges: empty, blank, control chars, path tricks, Kyrgyz letters. */
const edgyString = fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', 'C:\\Windows\\win.ini', '/etc/passwd', 'ңөү ҢӨҮ', '<script>', '%00', '__proto__', 'a'.repeat(5000), '2026-02-30', '9999-12-31', '0000-00-00');

function stringArb(node: Json): fc.Arbitrary<string> {
  const max = Math.min(node.maxLength ?? 64, 2000);
  const min = Math.min(node.minLength ?? 0, max);
  const shaped =
    node.format === 'date' || node.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')
      ? fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
      : node.pattern && /^\^\[0-9a-f\]\{64\}\$$/.test(node.pattern)
        ? fc.stringMatching(/^[0-9a-f]{64}$/)
        : fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: edgyString });
}

function numberArb(node: Json, integer: boolean): fc.Arbitrary<number> {
  const lo = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : -1e6);
  const hi = node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - 1 : 1e6);
  const min = Math.max(lo, -1e9);
  const max = Math.min(hi, 1e9);
  const shaped = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }) : fc.double({ min, max: Math.max(min, max), noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, -0, 1e308) });
}

function fromNode(node: Json | boolean | undefined, depth: number): fc.Arbitrary<unknown> {
  if (node === undefined || node === true || depth > 8) return fc.jsonValue({ maxDepth: 2 });
  if (node === false) return fc.constant(undefined);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  const options = node.anyOf ?? node.oneOf;
  if (options) return fc.oneof(...options.map((o) => fromNode(o, depth + 1)));
  if (node.allOf && node.allOf.length > 0) return fromNode(node.allOf[0], depth + 1);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'string':
      return stringArb(node);
    case 'integer':
      return numberArb(node, true);
    case 'number':
      return numberArb(node, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (node.prefixItems) return fc.tuple(...node.prefixItems.map((i) => fromNode(i, depth + 1)));
      const item = Array.isArray(node.items) ? node.items[0] : node.items;
      const maxLength = Math.min(node.maxItems ?? 4, 4);
      return fc.array(fromNode(item, depth + 1), { minLength: Math.min(node.minItems ?? 0, maxLength), maxLength });
    }
    case 'object': {
      const props = node.properties ?? {};
      const required = new Set(node.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) record[key] = fromNode(child, depth + 1);
      const optional = Object.keys(props).filter((k) => !required.has(k));
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) }).map((value) => {
        // Now and then drop optional keys explicitly set (records already omit some).
        for (const key of optional) if ((value as Record<string, unknown>)[key] === undefined) delete (value as Record<string, unknown>)[key];
        return value;
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Payloads shaped like what the schema accepts (types, lengths, enums, required keys), not necessarily valid. */
export function shapedLike(schema: z.ZodType): fc.Arbitrary<unknown> {
  let json: Json;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return fc.jsonValue({ maxDepth: 3 });
  }
  return fromNode(json, 0);
}

/** Objects carrying prototype-pollution keys, at the top and nested. */
export const pollution: fc.Arbitrary<unknown> = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"a":{"__proto__":{"polluted":true}},"__proto__":[]}'),
  JSON.parse('{"json":"{\\"__proto__\\":{\\"polluted\\":true}}"}'),
);

/** Everything a page could send: shaped payloads, any JSON-ish value, huge strings, pollution attempts. */
export function payloadsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: shapedLike(schema) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3_000_000), ['x'.repeat(1_100_000)], { text: 'y'.repeat(2_100_000) }) },
    { weight: 1, arbitrary: pollution },
  );
}
