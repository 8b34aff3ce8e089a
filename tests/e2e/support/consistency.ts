import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The fixture case (tests/unit/support/case-fixtures) was registered 16.01.2024–31.12.2024 under contract № 15/24,
 * which expired 31.12.2024 — before any letter dated today. The consistency check rightly warns about both pieces of
 * ended evidence; the caseworker acknowledges each warning explicitly before generating. This names both warnings
 * (so a changed finding fails here) and ticks their acknowledgements.
 */
export async function acknowledgeEndedEvidence(section: Locator): Promise<void> {
  const warnings = [
    'Документ приводит миграционный учёт с 16.01.2024 по 31.12.2024, срок которого истёк 31.12.2024, до даты документа.',
    'Документ приводит договор № 15/24 от 16.01.2024, срок которого истёк 31.12.2024, до даты документа.',
  ];
  const acknowledge = { name: 'Принимаю: сформировать, несмотря на это предупреждение' };
  for (const text of warnings) {
    // Shown beside its paragraph in the letter preview too; the acknowledgement sits in the checks list.
    const item = section.getByRole('listitem').filter({ hasText: text }).filter({ has: section.page().getByRole('checkbox', acknowledge) });
    await expect(item).toHaveCount(1);
    await item.getByRole('checkbox', acknowledge).check();
  }
}
