/**
 * Canonical JSON for content hashes: object keys sorted, no whitespace, `undefined` members dropped (as
 * JSON.stringify and IndexedDB round trips do), so the same record hashes the same on every PC.
 */

/** Keys that could reach an object's prototype if a record were ever merged with Object.assign or a setter. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting a transferred record may have; real records stay under 8. */
export const MAX_JSON_DEPTH = 32;

export type JsonProblem = 'forbidden_key' | 'too_deep' | 'not_json';

/**
 * Walks a parsed JSON value and reports the first thing a record must not contain: a prototype key, nesting
 * deeper than MAX_JSON_DEPTH, or a value JSON cannot carry. Iterative, so hostile nesting cannot overflow the stack.
 */
export function jsonProblem(value: unknown): JsonProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: node, depth } = stack.pop()!;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return 'not_json';
      continue;
    }
    if (typeof node !== 'object') return 'not_json';
    if (depth >= MAX_JSON_DEPTH) return 'too_deep';
    if (Array.isArray(node)) {
      for (const item of node) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(node) as unknown;
    if (proto !== Object.prototype && proto !== null) return 'not_json';
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return 'forbidden_key';
      stack.push({ value: (node as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item === undefined ? null : item, out);
    });
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(member, out);
  }
  out.push('}');
}

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b];
  return s;
}

/** SHA-256 of the canonical JSON, hex. Web Crypto exists in Chromium and in Node 20 alike. */
export async function contentHash(value: unknown): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(value)));
  return toHex(new Uint8Array(digest));
}
