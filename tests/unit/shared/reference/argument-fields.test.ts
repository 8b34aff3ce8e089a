import { describe, expect, it } from 'vitest';
import { fillArgument, type ArgumentFacts } from '../../../../shared/documents/arguments';
import { ARGUMENT_FIELDS } from '../../../../shared/reference/schema';
import { bumpArgumentVersions } from '../../../../shared/reference/versioning';

/** Every fact present: the type makes this list every leaf of ArgumentFacts. */
const FULL: Required<{ [K in keyof ArgumentFacts]: NonNullable<ArgumentFacts[K]> }> = {
  gap: { from: '05.09.2025', to: '19.09.2025', days: 15 },
  contract: { ref: 'трудовой договор № 1 от 01.04.2025 с ООО «А»', number: '1', start: '01.04.2025', end: '31.03.2026', employer: 'ООО «А»' },
  registration: { from: '01.04.2025', to: '04.09.2025', address: 'г. Москва' },
  notification: { date: '03.04.2025' },
  termination: { date: '01.10.2025' },
  newContract: { ref: 'трудовой договор № 2', start: '10.10.2025' },
  entry: { date: '30.03.2025', checkpoint: 'Домодедово' },
  exit: { date: '01.12.2025' },
  document: { current: 'паспорт AC 1', previous: 'паспорт AN 2' },
  names: { recorded: 'Asanov' },
  check: { date: '02.03.2026', document: 'AC 1' },
};

function leaves(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('ARGUMENT_FIELDS', () => {
  it('names exactly the facts an argument can print, and law.cite', () => {
    expect([...ARGUMENT_FIELDS].sort()).toEqual([...leaves(FULL), 'law.cite'].sort());
    for (const field of ARGUMENT_FIELDS) expect(fillArgument(`{{${field}}}`, { ...FULL, law: { cite: 'ст. 1' } }).missing).toEqual([]);
  });
});

describe('bumpArgumentVersions', () => {
  const arg = (id: string, version: number, text: string) => ({ id, version, text, evidence: ['contract'], legalRef: null });
  it('raises only what changed, keeps the rest and starts new ids at 1', () => {
    const before = [arg('a', 3, 'A'), arg('b', 1, 'B')];
    expect(bumpArgumentVersions(before, [arg('a', 3, 'A'), arg('b', 1, 'B2'), arg('c', 7, 'C')]).map((a) => [a.id, a.version])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
  });
  it('a version typed into the edited copy does not count: the stored one does', () => {
    expect(bumpArgumentVersions([arg('a', 3, 'A')], [arg('a', 9, 'A')])[0]!.version).toBe(3);
    expect(bumpArgumentVersions([arg('a', 3, 'A')], [{ ...arg('a', 1, 'A'), legalRef: 'x' as never }])[0]!.version).toBe(4);
  });
});
