import { describe, expect, it } from 'vitest';
import { referenceMessages } from '../../../../../renderer/src/features/reference/messages';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('reference screen messages', () => {
  it('Kyrgyz and English have every key Russian has, and no other', () => {
    const ru = keys(referenceMessages.ru);
    expect(keys(referenceMessages.ky)).toEqual(ru);
    expect(keys(referenceMessages.en)).toEqual(ru);
  });
});
