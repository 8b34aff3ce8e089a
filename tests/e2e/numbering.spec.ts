import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { MISSION, saveSettings } from './support/setup';

test('the outgoing number format: the stored one fills the form, a repeating format is refused as you type, a good one is saved', async ({ app: page }) => {
  await saveSettings(page);
  const panel = page.getByRole('region', { name: 'Нумерация исходящих' });
  const format = panel.getByLabel('Формат номера');
  const save = panel.getByRole('button', { name: 'Применить формат' });
  const yy = String(new Date().getFullYear()).slice(2);

  await expect(format).toHaveValue('{prefix}-{seq}/{yy}');
  await expect(panel.getByText(`Пример: ${MISSION.outgoingPrefix}-17/${yy}`)).toBeVisible();
  await expect(save).toBeDisabled();

  // Without the year numbers would repeat every year: refused while typing, nothing to save.
  await format.fill('{prefix}-{seq}');
  await expect(panel.getByText('В формате нет года ({yy} или {yyyy}): номера повторялись бы каждый год.')).toBeVisible();
  await expect(format).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();

  await format.fill('{prefix}/{yyyy}-{seq:4}');
  await expect(panel.getByText(`Пример: ${MISSION.outgoingPrefix}/${new Date().getFullYear()}-0017`)).toBeVisible();
  await expectAccessible(page, 'numbering panel with a new format');
  await save.click();
  await expect(panel.getByRole('status')).toHaveText('Формат сохранён.');
  await expect(save).toBeDisabled();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Нумерация исходящих' }).getByLabel('Формат номера')).toHaveValue('{prefix}/{yyyy}-{seq:4}');
});
