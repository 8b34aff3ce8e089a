import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One line per offending element, so a failure says what is wrong where without opening a report. */
function describeViolations(violations: AxeResults['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => {
      const why = node.failureSummary?.replace(/\s+/g, ' ').trim() ?? '';
      return `[${v.impact}] ${v.id}: ${v.help} — ${node.target.join(' ')} — ${node.html.slice(0, 160)} — ${why}`;
    }),
  );
}

/**
 * Fails on any WCAG 2.1 A/AA violation of impact serious or critical in the page as it is now (or in the
 * part `include` selects). Under `npm run prove` (ARYZ_PROVE_OUT set) each scan is also recorded, so the
 * closing line can say how many screens were scanned and what they found.
 */
export async function expectAccessible(page: Page, state: string, options: { include?: string } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const out = process.env.ARYZ_PROVE_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `axe-${randomUUID()}.json`), JSON.stringify({ state, serious: serious.reduce((n, v) => n + v.nodes.length, 0) }));
  }
  expect(describeViolations(serious), `serious or critical accessibility violations: ${state}`).toEqual([]);
}
