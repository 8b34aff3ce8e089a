import { describe, expect, it } from 'vitest';
import { AtRestTamperError, createAtRestCodec, HASH_PREFIX, isKeyedHash, isSealed, SEALED_PREFIX } from '../../../../shared/crypto/at-rest';

const key = (seed: number) => new Uint8Array(32).map((_, i) => (i * 13 + seed) & 0xff);

describe('at-rest codec', () => {
  const codec = createAtRestCodec(key(1));

  it('seals any JSON value of a field and opens it back exactly', () => {
    const values = ['Жумагулов', 'Үсөнов Ңы', '', 0, 14, true, null, ['+7 916 123-45-67'], { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' }, [{ series: 'AN', number: '1234567' }]];
    for (const value of values) {
      const sealed = codec.seal('persons.nameRu', value);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
      expect(codec.open('persons.nameRu', sealed)).toEqual(value);
    }
  });

  it('hides the value: no trace of it in the sealed form, and a new random nonce each time', () => {
    const a = codec.seal('persons.pin', '21203199000123');
    const b = codec.seal('persons.pin', '21203199000123');
    expect(a).not.toBe(b);
    expect(a).not.toContain('21203199000123');
    expect(a).not.toContain(btoa('21203199000123').slice(0, 8));
  });

  it('reads a plain value from before the upgrade as it is', () => {
    expect(codec.open('persons.pin', '21203199000123')).toBe('21203199000123');
    expect(codec.open('persons.nameRu', { surname: 'Асанов' })).toEqual({ surname: 'Асанов' });
    expect(codec.open('persons.phones', undefined)).toBeUndefined();
  });

  it('refuses a sealed value that was changed, cut, moved to another field or sealed under another key', () => {
    const sealed = codec.seal('persons.pin', '21203199000123');
    const body = sealed.slice(SEALED_PREFIX.length);
    const flipped = SEALED_PREFIX + body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    expect(() => codec.open('persons.pin', flipped)).toThrow(AtRestTamperError);
    expect(() => codec.open('persons.pin', sealed.slice(0, -4))).toThrow(AtRestTamperError);
    expect(() => codec.open('persons.email', sealed)).toThrow(AtRestTamperError);
    expect(() => createAtRestCodec(key(2)).open('persons.pin', sealed)).toThrow(AtRestTamperError);
    expect(() => codec.open('persons.pin', `${SEALED_PREFIX}!!not base64`)).toThrow(AtRestTamperError);
  });

  it('gives keyed hashes that are equal for equal text under one key and differ across keys', () => {
    const h = codec.keyedHash('an1234567');
    expect(isKeyedHash(h)).toBe(true);
    expect(h.startsWith(HASH_PREFIX)).toBe(true);
    expect(h).not.toContain('1234567');
    expect(codec.keyedHash('an1234567')).toBe(h);
    expect(createAtRestCodec(key(1)).keyedHash('an1234567')).toBe(h);
    expect(codec.keyedHash('an1234568')).not.toBe(h);
    expect(createAtRestCodec(key(2)).keyedHash('an1234567')).not.toBe(h);
    expect(codec.keyedHash('')).toBe('');
  });

  it('refuses a data key shorter than 256 bits', () => {
    expect(() => createAtRestCodec(new Uint8Array(16))).toThrow();
  });
});
