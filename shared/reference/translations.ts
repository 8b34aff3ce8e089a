import type { LocalizedText, ReferenceBundle } from './schema';

/**
 * English texts came to the factory reference data after many databases had stored their first version
 * without them. A stored text gets the factory's English only while its Russian is still the factory's own:
 * a text a caseworker rewrote keeps whatever it has (English there would translate the old wording).
 * Returns the same bundle when there is nothing to add, so callers can tell.
 */
export function withFactoryTranslations(current: ReferenceBundle, factory: ReferenceBundle): ReferenceBundle {
  let changed = false;
  const fill = (text: LocalizedText, from: LocalizedText | undefined): LocalizedText => {
    if (text.en || !from?.en || from.ru !== text.ru) return text;
    changed = true;
    return { ...text, en: from.en };
  };
  const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
  const inclusion = byId(factory.grounds.inclusion);
  const exclusion = byId(factory.grounds.exclusion);
  const evidence = byId(factory.evidence);
  const causes = byId(factory.causes);
  const next: ReferenceBundle = {
    ...current,
    grounds: {
      inclusion: current.grounds.inclusion.map((g) => ({ ...g, title: fill(g.title, inclusion.get(g.id)?.title), description: fill(g.description, inclusion.get(g.id)?.description) })),
      exclusion: current.grounds.exclusion.map((g) => ({ ...g, title: fill(g.title, exclusion.get(g.id)?.title), description: fill(g.description, exclusion.get(g.id)?.description) })),
    },
    evidence: current.evidence.map((e) => ({ ...e, label: fill(e.label, evidence.get(e.id)?.label) })),
    causes: current.causes.map((c) => ({ ...c, title: fill(c.title, causes.get(c.id)?.title), explanation: fill(c.explanation, causes.get(c.id)?.explanation) })),
  };
  return changed ? next : current;
}
