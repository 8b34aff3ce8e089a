import { describe, expect, it } from 'vitest';
import { withFactoryTranslations, type ReferenceBundle } from '../../../../shared/reference';
import { factoryBundle } from '../../support/reference-fixtures';

/** The bundle as databases stored it before the factory data carried English. */
function withoutEnglish(bundle: ReferenceBundle): ReferenceBundle {
  return JSON.parse(JSON.stringify(bundle), (key, value: unknown) => (value && typeof value === 'object' && 'ru' in value && 'ky' in value ? { ...value, en: undefined } : value)) as ReferenceBundle;
}

describe('withFactoryTranslations', () => {
  const factory = factoryBundle();

  it('gives a stored bundle without English the factory’s English for every untouched text', () => {
    const stored = withoutEnglish(factory);
    expect(stored.causes[0]!.title.en).toBeUndefined();
    const shown = withFactoryTranslations(stored, factory);
    expect(shown.causes.map((c) => c.title.en)).toEqual(factory.causes.map((c) => c.title.en));
    expect(shown.causes.map((c) => c.explanation.en)).toEqual(factory.causes.map((c) => c.explanation.en));
    expect(shown.evidence.map((e) => e.label.en)).toEqual(factory.evidence.map((e) => e.label.en));
    expect(shown.grounds.exclusion.map((g) => g.description.en)).toEqual(factory.grounds.exclusion.map((g) => g.description.en));
    // Everything else is the stored data as it was.
    expect(shown.version).toBe(stored.version);
    expect(shown.addressees).toBe(stored.addressees);
    expect(stored.causes[0]!.title.en).toBeUndefined();
  });

  it('leaves a text a caseworker rewrote, and an English someone wrote, as they are', () => {
    const stored = withoutEnglish(factory);
    stored.causes[0] = { ...stored.causes[0]!, title: { ...stored.causes[0]!.title, ru: 'Разрыв учёта (уточнено)' } };
    stored.evidence[0] = { ...stored.evidence[0]!, label: { ...stored.evidence[0]!.label, en: 'Our own wording' } };
    const shown = withFactoryTranslations(stored, factory);
    expect(shown.causes[0]!.title.en).toBeUndefined();
    expect(shown.causes[0]!.explanation.en).toBe(factory.causes[0]!.explanation.en);
    expect(shown.evidence[0]!.label.en).toBe('Our own wording');
  });

  it('returns the same bundle when there is nothing to add', () => {
    expect(withFactoryTranslations(factory, factory)).toBe(factory);
  });
});
