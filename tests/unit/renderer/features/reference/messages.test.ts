import { describe, expect, it } from 'vitest';
import { referenceMessages } from '../../../../../renderer/src/features/reference/messages';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

/** A plural's forms differ by language (Russian has _few and _many): compare the message they make up. */
const messages = (value: object) => [...new Set(keys(value).map((key) => key.replace(/_(zero|one|two|few|many|other)$/u, '')))];

describe('reference screen messages', () => {
  it('Kyrgyz and English have every message Russian has, and no other', () => {
    const ru = messages(referenceMessages.ru);
    expect(messages(referenceMessages.ky)).toEqual(ru);
    expect(messages(referenceMessages.en)).toEqual(ru);
  });
});
