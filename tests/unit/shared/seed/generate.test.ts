import { describe, expect, it } from 'vitest';
import { intakeFormSchema, CASE_STATUSES } from '../../../../shared/case/schema';
import { parsePin } from '../../../../shared/case/pin';
import { nameKey } from '../../../../shared/names';
import { RUSSIAN_REGIONS } from '../../../../shared/reference/regions';
import { DEFAULT_SEED_TODAY, generateCase, generateCaseChunks, generateCases, generateIntakes, seedPersonId } from '../../../../shared/seed/generate';
import { checkIntake } from '../../../../renderer/src/data/cases/cases.repo';

const N = 4000;
const cases = generateCases(N, 42);
const share = (predicate: (c: (typeof cases)[number]) => boolean) => cases.filter(predicate).length / N;
const AS_OF = new Date(`${DEFAULT_SEED_TODAY}T12:00:00Z`);

/** Findings the generator plants on purpose or that real data has; nothing else may appear. */
const EXPECTED_WARNINGS = new Set(['pin_sex_mismatch', 'pin_dob_mismatch', 'registration_gap', 'document_expired', 'employer_inn_format']);

describe('synthetic cases', () => {
  it('are the same for the same seed, different for another, and any slice can be generated alone', () => {
    expect(generateCases(50, 42)).toEqual(cases.slice(0, 50).map((_, i) => generateCase(i, 50, 42)));
    expect(generateCases(N, 42).slice(0, 200)).toEqual(cases.slice(0, 200));
    expect(generateCase(1234, N, 42)).toEqual(cases[1234]);
    expect([...generateCaseChunks(N, 42, 700)].flat()).toEqual(cases);
    expect(generateIntakes(20, 42)).toEqual(generateCases(20, 42).map((c) => c.form));
    const other = generateCases(50, 43);
    expect(other.map((c) => c.form.person.pin)).not.toEqual(generateCases(50, 42).map((c) => c.form.person.pin));
    expect(other[0]!.form.person.id).toBe(seedPersonId(43, 0));
  });

  it('are valid intakes whose only findings are the expected warnings', () => {
    const seen = new Map<string, number>();
    for (const c of cases) {
      const checked = checkIntake(c.form, AS_OF);
      if (!checked.ok) throw new Error(`case ${c.caseId}: ${JSON.stringify(checked)}`);
      // Already in parsed form: parsing changes nothing.
      expect(intakeFormSchema.parse(c.form)).toEqual(c.form);
      for (const code of new Set(checked.warnings.map((w) => w.code))) seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    expect([...seen.keys()].filter((code) => !EXPECTED_WARNINGS.has(code))).toEqual([]);
    const pinWarnings = ((seen.get('pin_sex_mismatch') ?? 0) + (seen.get('pin_dob_mismatch') ?? 0)) / N;
    expect(pinWarnings).toBeGreaterThan(0.015);
    expect(pinWarnings).toBeLessThan(0.05);
    const gaps = (seen.get('registration_gap') ?? 0) / N;
    expect(gaps).toBeGreaterThan(0.05);
    expect(gaps).toBeLessThan(0.3);
  });

  it('write Kyrgyz names with ң ө ү, Russian without them, Latin in passport letters, all of one spelling family', () => {
    const ky = cases.map((c) => Object.values(c.form.person.nameKy).join(' ')).join(' ');
    for (const letter of ['ң', 'ө', 'ү']) expect(ky).toContain(letter);
    for (const c of cases) {
      const { nameKy, nameRu, nameLat } = c.form.person;
      expect(Object.values(nameRu).join(' ')).not.toMatch(/[ңөүҢӨҮA-Za-z]/);
      expect(Object.values(nameLat).join(' ')).toMatch(/^[A-Z -]*$/);
      // Every spelling is the same name to search: the first token of each script has one key.
      const first = (s: string) => nameKey(s.split(' ')[0]!);
      expect(first(nameRu.surname)).toBe(first(nameKy.surname));
      expect(first(nameLat.surname)).toBe(first(nameKy.surname));
      expect(nameKey(nameLat.givenName)).toBe(nameKey(nameKy.givenName));
      for (const other of c.form.person.otherSpellings) expect(nameKey(other.split(' ')[0]!)).toBe(first(nameKy.surname));
    }
    const lat = cases.map((c) => c.form.person.nameLat.surname).join(' ');
    for (const form of ['ZH', 'DZH', 'NG', 'OE', 'UE']) expect(lat).toContain(form);
    expect(cases.some((c) => /^J/.test(c.form.person.nameLat.surname))).toBe(true);
    expect(cases.some((c) => c.form.person.nameRu.surname.startsWith('Дж'))).toBe(true);
    // ө is о in some Russian records and е in others (Үсөнов → Усонов, Усенов).
    const oAs = (letter: string) => cases.some((c) => [...c.form.person.nameKy.surname].some((ch, i) => ch === 'ө' && [...c.form.person.nameRu.surname][i] === letter));
    expect(oAs('е')).toBe(true);
    expect(oAs('о')).toBe(true);
    expect(cases.some((c) => c.form.person.otherSpellings.length > 0)).toBe(true);
  });

  it('use uulu/kyzy for about a fifth, with the particle matching the sex', () => {
    const uulu = cases.filter((c) => c.form.person.patronymicForm === 'uulu_kyzy');
    expect(uulu.length / N).toBeGreaterThan(0.15);
    expect(uulu.length / N).toBeLessThan(0.25);
    for (const c of uulu) {
      expect(c.form.person.nameKy.patronymic).toBe(c.form.person.sex === 'male' ? 'уулу' : 'кызы');
      expect(c.form.person.nameLat.surname).toMatch(c.form.person.sex === 'male' ? / UULU$/ : / K[YI]Z[YI]$/);
    }
  });

  it('give a ПИН that agrees with sex and birth date except for a planted few, and unique ПИНs and document numbers', () => {
    let consistent = 0;
    for (const c of cases) {
      const parsed = parsePin(c.form.person.pin);
      if (!parsed.ok) throw new Error(c.form.person.pin);
      const b = c.form.person.birthDate;
      const date = parsed.value.birthDate!;
      if (parsed.value.sex === c.form.person.sex && Number(date.slice(0, 4)) === b.year && Number(date.slice(5, 7)) === b.month && (b.day === undefined || Number(date.slice(8, 10)) === b.day)) consistent++;
    }
    expect(consistent / N).toBeGreaterThan(0.95);
    expect(consistent / N).toBeLessThan(0.985);
    expect(new Set(cases.map((c) => c.form.person.pin)).size).toBe(N);
    const numbers = cases.flatMap((c) => c.form.documents.map((d) => d.number));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(cases.flatMap((c) => c.form.documents.map((d) => d.series)))).toEqual(new Set(['AN', 'AC', 'ID', 'PE']));
    expect(share((c) => c.form.person.birthDate.day === undefined)).toBeGreaterThan(0.005);
    const years = cases.map((c) => c.form.person.birthDate.year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1960);
    expect(Math.max(...years)).toBeLessThanOrEqual(2006);
  });

  it('have 1–3 documents (older ones replaced), entries, registrations and employments that fit together', () => {
    for (const c of cases) {
      const { documents, stays, registrations, employments } = c.form;
      for (const list of [documents, stays, registrations, employments]) {
        expect(list.length).toBeGreaterThanOrEqual(1);
        expect(list.length).toBeLessThanOrEqual(3);
      }
      expect(documents.filter((d) => d.status === 'current')).toHaveLength(1);
      expect(documents[documents.length - 1]!.status).toBe('current');
      for (const stay of stays) {
        if (!stay.documentId) continue;
        const doc = documents.find((d) => d.id === stay.documentId)!;
        expect(doc.issueDate <= stay.entryDate && stay.entryDate <= doc.expiryDate).toBe(true);
        expect(doc.usedForEntry).toBe(true);
      }
      expect(stays.map((s) => s.entryDate)).toEqual(stays.map((s) => s.entryDate).sort());
    }
    for (const n of [1, 2, 3]) expect(share((c) => c.form.documents.length === n)).toBeGreaterThan(0.05);
    expect(share((c) => c.form.stays.length > 1)).toBeGreaterThan(0.3);
  });

  it('cover every region with Moscow and the Moscow region most, and every status with a dated history', () => {
    const regions = new Set(cases.map((c) => c.form.case.region));
    expect([...RUSSIAN_REGIONS].filter((r) => !regions.has(r))).toEqual([]);
    const moscow = share((c) => c.form.case.region === 'г. Москва');
    const oblast = share((c) => c.form.case.region === 'Московская область');
    expect(moscow).toBeGreaterThan(0.3);
    expect(oblast).toBeGreaterThan(0.15);
    expect(new Set(cases.map((c) => c.statusHistory[c.statusHistory.length - 1]!.status))).toEqual(new Set(CASE_STATUSES));
    for (const status of CASE_STATUSES) expect(share((c) => c.statusHistory[c.statusHistory.length - 1]!.status === status)).toBeGreaterThan(0.02);
    let previous = '';
    for (const c of cases) {
      expect(c.createdAt >= previous).toBe(true);
      previous = c.createdAt;
      expect(c.statusHistory[0]).toEqual({ status: 'intake', at: c.createdAt, note: '' });
      const times = c.statusHistory.map((h) => h.at);
      expect(times).toEqual([...times].sort());
      expect(times[times.length - 1]!.slice(0, 10) <= DEFAULT_SEED_TODAY).toBe(true);
      expect(c.form.case.learnedAt >= '2025-02-05' && c.form.case.learnedAt <= c.createdAt.slice(0, 10)).toBe(true);
    }
    expect(cases[0]!.createdAt.startsWith('2025')).toBe(true);
    expect(cases[N - 1]!.createdAt.startsWith('2026')).toBe(true);
  });
});
