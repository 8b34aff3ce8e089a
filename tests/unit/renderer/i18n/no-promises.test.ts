import { describe, expect, it } from 'vitest';
import { FEATURE_MESSAGES } from '../../../../renderer/src/app/feature-messages';

/** Every string of a bundle with its key path. */
function strings(tree: unknown, prefix: string, out: [string, string][] = []): [string, string][] {
  if (typeof tree === 'string') out.push([prefix, tree]);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) strings(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

// Features the app has must not be announced as coming: the texts said so of documents and attachments.
const PROMISES = [/следующей версии/i, /появится позже/i, /кийинки версия/i, /кийинчерээк болот/i, /next version/i, /comes later/i];

describe('interface texts', () => {
  it('never promise for later what the app already does, in any language', () => {
    const found = FEATURE_MESSAGES.flatMap((feature) =>
      (['ru', 'ky', 'en'] as const).flatMap((language) => strings(feature[language], `${language}:${feature.namespace}`).filter(([, text]) => PROMISES.some((p) => p.test(text)))),
    );
    expect(found).toEqual([]);
  });
});
