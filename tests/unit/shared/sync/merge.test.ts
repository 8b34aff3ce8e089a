import { describe, expect, it } from 'vitest';
import { mergeFields, sameRow, sameValue, type FieldEquality } from '../../../../shared/sync/merge';

describe('three-way field merge', () => {
  const base = { id: 'p1', email: 'a@kg', kgAddress: 'Ош', phones: ['1'], updatedAt: '2026-12-01' };

  it('takes each field from the side that changed it', () => {
    const mine = { ...base, email: 'b@kg', updatedAt: '2026-12-02' };
    const theirs = { ...base, kgAddress: 'Нарын', updatedAt: '2026-12-03' };
    expect(mergeFields(base, mine, theirs, { latestWins: ['updatedAt'] })).toEqual({
      merged: { id: 'p1', email: 'b@kg', kgAddress: 'Нарын', phones: ['1'], updatedAt: '2026-12-03' },
      conflicts: [],
    });
  });

  it('reports a field both sides changed differently, keeping the server value in the row and mine in the conflict', () => {
    const { merged, conflicts } = mergeFields(base, { ...base, phones: ['1', '2'] }, { ...base, phones: ['3'] });
    expect(merged.phones).toEqual(['3']);
    expect(conflicts).toEqual([{ field: 'phones', base: ['1'], mine: ['1', '2'], theirs: ['3'] }]);
  });

  it('does not report the same change made on both sides, nor derived fields', () => {
    const { conflicts, merged } = mergeFields(base, { ...base, email: 'x@kg', pinKey: 'k1' }, { ...base, email: 'x@kg', pinKey: 'k2' }, { derived: ['pinKey'] });
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ email: 'x@kg', pinKey: 'k2' });
  });

  it('keeps a field one side removed and the other left alone removed, and flags removal against an edit', () => {
    const { email: _e, ...withoutEmail } = base;
    expect(mergeFields(base, withoutEmail, base).merged).not.toHaveProperty('email');
    expect(mergeFields(base, withoutEmail, { ...base, email: 'z@kg' }).conflicts).toEqual([{ field: 'email', base: 'a@kg', mine: undefined, theirs: 'z@kg' }]);
  });

  it('without a base (one id created on two PCs) every differing field is a conflict', () => {
    const { conflicts } = mergeFields(undefined, { id: 'p1', email: 'a@kg', kgAddress: 'Ош' }, { id: 'p1', email: 'b@kg', kgAddress: 'Ош' });
    expect(conflicts.map((c) => c.field)).toEqual(['email']);
  });

  it('compares JSON values regardless of key order and ignores absent keys', () => {
    expect(sameValue({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('mergeFields with a field equality', () => {
  it('treats values the equality calls the same as unchanged, and keeps the side it takes as stored', () => {
    // Stand-in for sealed values: the same plain value under two "nonces".
    const plainOf = (v: unknown) => (typeof v === 'string' ? v.split('#')[0] : v);
    const same: FieldEquality = (_f, a, b) => plainOf(a) === plainOf(b);
    const base = { id: 'p1', surname: 'Асанов#1', phone: '+7900#1' };
    const mine = { id: 'p1', surname: 'Асанов#2', phone: '+7911#2' };
    const theirs = { id: 'p1', surname: 'Асанова#3', phone: '+7900#3' };
    expect(mergeFields(base, mine, theirs, {}, same)).toEqual({ merged: { id: 'p1', surname: 'Асанова#3', phone: '+7911#2' }, conflicts: [] });
    expect(mergeFields(base, mine, theirs).conflicts.map((c) => c.field)).toEqual(['surname', 'phone']);
    expect(sameRow(mine, { ...mine, phone: '+7911#9' }, same)).toBe(true);
    expect(sameRow(mine, { ...mine, phone: '+7911#9' })).toBe(false);
  });
});
