import { describe, expect, it } from 'vitest';
import { CLOCK_SOURCES } from '../../../../shared/deadlines';
import {
  addresseesOfKind,
  canCite,
  FIELD_PREDICATES,
  loadReferenceBundle,
  REFERENCE_FILES,
  RULE_IDS,
  RUSSIAN_REGIONS,
  TEMPLATE_IDS,
  type LocalizedText,
} from '../../../../shared/reference';
import { factoryBundle, factoryFiles } from '../../support/reference-fixtures';

const bundle = factoryBundle();

function localizedTexts(value: unknown, path = ''): { path: string; text: LocalizedText }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.ru === 'string' && typeof record.ky === 'string') return [{ path, text: record as unknown as LocalizedText }];
  return Object.entries(record).flatMap(([k, v]) => localizedTexts(v, `${path}.${k}`));
}

describe('factory reference data (resources/reference)', () => {
  it('ships exactly the files the loader expects, and they load', () => {
    expect(Object.keys(factoryFiles()).sort()).toEqual(Object.values(REFERENCE_FILES).sort());
    expect(loadReferenceBundle(factoryFiles()).ok).toBe(true);
    expect(bundle.version).toBe(1);
  });

  it('has the inclusion grounds I-1 … I-11 and «Амина», and the exclusion grounds E-1 … E-3 confirmed', () => {
    const inclusion = bundle.grounds.inclusion.map((g) => g.id);
    expect(inclusion).toEqual([...Array.from({ length: 11 }, (_, i) => `I-${i + 1}`), 'I-AMINA']);
    const exclusion = new Map(bundle.grounds.exclusion.map((g) => [g.id, g.verification]));
    expect(['E-1', 'E-2', 'E-3'].map((id) => exclusion.get(id))).toEqual(['verified', 'verified', 'verified']);
    // The brief found no source for further grounds: they must not pass for law.
    expect(exclusion.get('E-4')).toBe('unverified');
    expect(exclusion.get('E-ERROR')).toBe('unverified');
    expect(exclusion.get('E-PP1899')).toBe('gap');
  });

  it('has the causes R-1 … R-11; every diagnosis rule feeds exactly one of them', () => {
    expect(bundle.causes.map((c) => c.id)).toEqual(Array.from({ length: 11 }, (_, i) => `R-${i + 1}`));
    const rules = bundle.causes.map((c) => c.rule).filter((r) => r !== null);
    expect([...rules].sort()).toEqual([...RULE_IDS].sort());
    // R-7 is marked [UNVERIFIED] in the brief.
    expect(bundle.causes.find((c) => c.id === 'R-7')?.verification).toBe('unverified');
  });

  it('gives every cause a checklist and documents; every evidence item is used and every field check exists', () => {
    const used = new Set(bundle.causes.flatMap((c) => c.checklist));
    expect(bundle.evidence.filter((e) => !used.has(e.id))).toEqual([]);
    for (const cause of bundle.causes) {
      expect(cause.checklist.length, cause.id).toBeGreaterThan(2);
      expect(cause.documents.length, cause.id).toBeGreaterThan(0);
      for (const d of cause.documents) expect(TEMPLATE_IDS).toContain(d);
    }
    for (const item of bundle.evidence) if (item.field) expect(FIELD_PREDICATES).toContain(item.field);
    // The spelling certificate is what need beyond the common set.
    expect(bundle.causes.filter((c) => c.documents.includes('name_spelling_certificate')).map((c) => c.id)).toEqual(['R-7', 'R-8']);
  });

  it('writes every text in Russian and in Kyrgyz, and the Kyrgyz is not a copy of the Russian', () => {
    const texts = localizedTexts(bundle);
    expect(texts.length).toBeGreaterThan(80);
    for (const { path, text } of texts) {
      expect(text.ky, path).not.toBe(text.ru);
      expect(text.ky, path).toMatch(/[А-Яа-яӨөҮүҢң]/);
    }
    // Kyrgyz letters actually appear (a translation written with Russian letters only would be suspect).
    expect(texts.filter(({ text }) => /[өүң]/i.test(text.ky)).length).toBeGreaterThan(texts.length / 2);
  });

  it('writes every text in English too, so ky and en screens never fall back to the Russian', () => {
    const texts = localizedTexts(bundle);
    for (const { path, text } of texts) {
      expect(text.en, path).toBeTruthy();
      // Latin prose: Cyrillic may appear only inside «…» quotes or as the Kyrgyz letters an explanation names.
      const unquoted = text.en!.replace(/«[^»]*»/g, '').replace(/[ңөүҢӨҮ]/g, '');
      expect(unquoted, path).not.toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('has the MFA Consular Department and the MVD Service, and never the abolished ГУВМ', () => {
    expect(addresseesOfKind(bundle.addressees, 'mfa').map((a) => a.nameRu)).toEqual(['Консульский департамент Министерства иностранных дел Российской Федерации']);
    expect(addresseesOfKind(bundle.addressees, 'mvd_federal').map((a) => a.nameRu)).toEqual(['Служба по вопросам гражданства и регистрации иностранных граждан МВД России']);
    for (const a of bundle.addressees) {
      expect(`${a.nameRu} ${a.addresseeRu}`).not.toMatch(/ГУВМ|Главное управление по вопросам миграции/);
      expect(a.salutation).toMatch(/^Уважаем.+!$/);
    }
  });

  it('names the migration unit of every federal subject exactly once', () => {
    const regional = addresseesOfKind(bundle.addressees, 'mvd_regional');
    const covered = regional.flatMap((a) => a.regions);
    expect([...covered].sort()).toEqual([...RUSSIAN_REGIONS].sort());
    expect(regional.find((a) => a.regions.includes('г. Москва'))?.nameRu).toBe('Управление по вопросам миграции ГУ МВД России по г. Москве');
    for (const a of regional) expect(a.nameRu).toMatch(/^Управление по вопросам миграции (ГУ МВД России|УМВД России|МВД) по /);
  });

  it('leaves unknown addresses empty, marked as gaps, and claims no verification date nobody made', () => {
    for (const a of [...bundle.addressees, ...bundle.missions]) {
      if (a.address === '') expect(a.addressVerification, a.id).toBe('gap');
    }
    for (const a of bundle.addressees) expect(a.verifiedOn).toBeNull();
  });

  it('assigns every federal subject to exactly one mission; only sourced assignments are verified', () => {
    const all = bundle.missions.flatMap((m) => m.district.map((d) => d.region));
    expect([...all].sort()).toEqual([...RUSSIAN_REGIONS].sort());
    const verified = bundle.missions.flatMap((m) => m.district.filter((d) => d.verification === 'verified').map((d) => `${m.id}:${d.region}`));
    expect(verified).toContain('cg-novosibirsk:Новосибирская область');
    expect(verified).toContain('cg-saint-petersburg:Мурманская область');
    expect(verified.filter((v) => v.startsWith('embassy-moscow:') || v.startsWith('cg-yekaterinburg:'))).toEqual([]);
  });

  it('has production calendars for 2025–2027: the decreed years verified, 2027 not', () => {
    expect(bundle.calendar.map((y) => [y.year, y.verification, y.legalRef])).toEqual([
      [2025, 'verified', 'pp-1335-2025'],
      [2026, 'verified', 'pp-1466-2026'],
      [2027, 'unverified', null],
    ]);
  });

  it('marks the legal references as the brief does, and only verified ones can be cited', () => {
    const status = Object.fromEntries(bundle.legalRefs.map((r) => [r.id, r.verification]));
    expect(status).toMatchObject({
      '59fz-art7': 'verified',
      '59fz-art8': 'verified',
      '59fz-art12': 'verified',
      '260fz': 'verified',
      '115fz-art31-1': 'verified',
      '115fz-art31-2': 'gap',
      'kas-art218': 'verified',
      'kas-art219': 'verified',
      'kas-art220': 'unverified',
      'eaeu-art97-p1': 'verified',
      'eaeu-art97-p5': 'unverified',
      'pp-1899': 'gap',
    });
    expect(canCite(bundle.legalRefs.find((r) => r.id === 'pp-1899'))).toBe(false);
    expect(canCite(bundle.legalRefs.find((r) => r.id === 'kas-art219'))).toBe(true);
  });

  it('has a legal reference for every clock source of the deadline engine', () => {
    const ids = new Set(bundle.legalRefs.map((r) => r.id));
    for (const source of Object.values(CLOCK_SOURCES)) if (source !== null) expect(ids, source).toContain(source);
  });
});
