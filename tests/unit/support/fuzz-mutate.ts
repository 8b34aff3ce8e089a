import fc from 'fast-check';

type Path = (string | number)[];

function leaves(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    out.push(at);
    for (const [key, child] of Object.entries(value)) leaves(child, [...at, Array.isArray(value) ? Number(key) : key], out);
  } else {
    out.push(at);
  }
  return out;
}

function setAt(root: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

const replacements: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '../../x', '\u0000', 'ңөү', 'x'.repeat(100_000), -1, 0, 1e308, NaN, null, true, [], {}, '2026-02-30', '9'.repeat(30)),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * Valid examples with one, two or three parts replaced or removed: payloads that pass most of the
 * validation and reach deeper (refinements, the handler itself), which random shapes seldom do.
 */
export function mutationsOf(examples: readonly unknown[]): fc.Arbitrary<unknown> {
  const one = (value: unknown) =>
    fc.tuple(fc.nat(), replacements, fc.boolean()).map(([pick, replacement, remove]) => {
      const paths = leaves(value);
      return setAt(value, paths[pick % paths.length]!, replacement, remove && paths.length > 1);
    });
  return fc
    .constantFrom(...examples)
    .chain((example) => fc.oneof(fc.constant(example), one(example), one(example).chain(one), one(example).chain(one).chain(one)));
}
