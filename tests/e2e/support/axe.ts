import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails on any WCAG 2.1 A/AA violation of impact serious or critical in the page as it is now. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `[${v.impact}] ${v.id}: ${v.help} — ${node.target.join(' ')} — ${node.html.slice(0, 160)}`));
  expect(serious, `serious or critical accessibility violations: ${state}`).toEqual([]);
}
