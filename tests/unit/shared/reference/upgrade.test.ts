import { describe, expect, it } from 'vitest';
import { parseReferenceBundle, type ReferenceBundle } from '../../../../shared/reference';
import { registerStart } from '../../../../shared/reference/lookup';
import { causesMissingArguments, upgradeStoredReference } from '../../../../shared/reference/upgrade';
import { factoryBundle } from '../../support/reference-fixtures';

/** The factory data as a release before letter arguments stored it: causes without the `arguments` key. */
function storedBeforeArguments(): ReferenceBundle {
  const bundle = structuredClone(factoryBundle());
  for (const cause of bundle.causes) delete (cause as { arguments?: unknown }).arguments;
  delete (bundle as { dates?: unknown }).dates;
  return bundle;
}

describe('upgradeStoredReference', () => {
  it('adds the factory arguments to causes stored without them, and the result is valid reference data', () => {
    const stored = storedBeforeArguments();
    expect(causesMissingArguments(stored)).toEqual(stored.causes.map((c) => c.id));
    const upgrade = upgradeStoredReference(stored, factoryBundle())!;
    expect(upgrade).not.toBeNull();
    for (const cause of factoryBundle().causes) {
      expect(upgrade.bundle.causes.find((c) => c.id === cause.id)!.arguments).toEqual(cause.arguments);
    }
    expect(upgrade.argumentsAdded.find((a) => a.cause === 'R-1')).toEqual({ cause: 'R-1', count: factoryBundle().causes.find((c) => c.id === 'R-1')!.arguments.length });
    expect(parseReferenceBundle(upgrade.bundle).ok).toBe(true);
  });

  it('keeps every stored edit: explanations, checklists and the rest of the data stay as stored', () => {
    const stored = storedBeforeArguments();
    stored.causes[0]!.explanation.ru = 'Пояснение, изменённое сотрудником.';
    stored.addressees[0]!.salutation = 'Уважаемая Ирина Викторовна!';
    const { bundle } = upgradeStoredReference(stored, factoryBundle())!;
    expect(bundle.causes[0]!.explanation.ru).toBe('Пояснение, изменённое сотрудником.');
    expect(bundle.addressees).toEqual(stored.addressees);
    expect(bundle.version).toBe(stored.version);
    const { arguments: _added, ...rest } = bundle.causes[0]!;
    expect(rest).toEqual(stored.causes[0]);
  });

  it('is idempotent: an upgraded bundle, or a cause whose arguments were deliberately removed, gets nothing', () => {
    const once = upgradeStoredReference(storedBeforeArguments(), factoryBundle())!.bundle;
    expect(upgradeStoredReference(once, factoryBundle())).toBeNull();
    const emptied = structuredClone(factoryBundle());
    emptied.causes[0]!.arguments = [];
    expect(upgradeStoredReference(emptied, factoryBundle())).toBeNull();
  });

  it('leaves out factory arguments that no longer fit the stored data, instead of making it invalid', () => {
    const stored = storedBeforeArguments();
    const cause = stored.causes.find((c) => c.id === 'R-1')!;
    const factoryArgs = factoryBundle().causes.find((c) => c.id === 'R-1')!.arguments;
    const dropped = factoryArgs[0]!.evidence[0]!;
    cause.checklist = cause.checklist.filter((id) => id !== dropped);
    const custom = { ...structuredClone(cause), id: 'R-custom', rule: null };
    stored.causes.push(custom);
    const { bundle } = upgradeStoredReference(stored, factoryBundle())!;
    const upgraded = bundle.causes.find((c) => c.id === 'R-1')!.arguments;
    expect(upgraded.every((a) => !a.evidence.includes(dropped))).toBe(true);
    expect(upgraded.length).toBe(factoryArgs.filter((a) => !a.evidence.includes(dropped)).length);
    expect(bundle.causes.find((c) => c.id === 'R-custom')!.arguments).toEqual([]);
    expect(parseReferenceBundle(bundle).ok).toBe(true);
  });

  it('adds the factory reference dates (the register start) to data stored before dates existed, once', () => {
    const upgrade = upgradeStoredReference(storedBeforeArguments(), factoryBundle())!;
    expect(upgrade.datesAdded).toEqual(['register_start']);
    expect(upgrade.bundle.dates).toEqual(factoryBundle().dates);
    expect(registerStart(upgrade.bundle)).toBe('2025-02-05');
    // Dates already stored (edited) stay as they are, and arguments already there are not touched.
    const edited = structuredClone(factoryBundle());
    edited.dates[0]!.date = '2025-02-06';
    expect(upgradeStoredReference(edited, factoryBundle())).toBeNull();
    const datesOnly = structuredClone(factoryBundle());
    delete (datesOnly as { dates?: unknown }).dates;
    const again = upgradeStoredReference(datesOnly, factoryBundle())!;
    expect(again.argumentsAdded).toEqual([]);
    expect(again.bundle.causes).toEqual(factoryBundle().causes);
    expect(parseReferenceBundle(again.bundle).ok).toBe(true);
  });
});

describe('upgradeStoredReference: terms in days', () => {
  it('gives data stored before terms existed the factory terms, keeping every stored value; once only', () => {
    const stored = structuredClone(factoryBundle());
    delete (stored as { terms?: unknown }).terms;
    stored.addressees[0]!.salutation = 'Уважаемая Ирина Викторовна!';
    const upgrade = upgradeStoredReference(stored, factoryBundle())!;
    expect(upgrade.bundle.terms).toEqual(factoryBundle().terms);
    expect(upgrade.bundle.addressees[0]!.salutation).toBe('Уважаемая Ирина Викторовна!');
    expect(parseReferenceBundle(upgrade.bundle).ok).toBe(true);
    expect(upgradeStoredReference(upgrade.bundle, factoryBundle())).toBeNull();
  });

  it('keeps stored terms, even an emptied list, and drops a citation the stored data no longer has', () => {
    const edited = structuredClone(factoryBundle());
    edited.terms = [];
    expect(upgradeStoredReference(edited, factoryBundle())).toBeNull();
    const stored = structuredClone(factoryBundle());
    delete (stored as { terms?: unknown }).terms;
    stored.legalRefs = stored.legalRefs.filter((r) => r.id !== 'eaeu-art97-registration');
    for (const cause of stored.causes) {
      cause.legalRefs = cause.legalRefs.filter((id) => id !== 'eaeu-art97-registration');
      cause.arguments = cause.arguments.filter((a) => a.legalRef !== 'eaeu-art97-registration');
    }
    const { bundle } = upgradeStoredReference(stored, factoryBundle())!;
    expect(bundle.terms.find((t) => t.id === 'registration_grace_entry')).toMatchObject({ days: 30, legalRef: null });
  });
});
