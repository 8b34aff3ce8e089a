import { describe, expect, it } from 'vitest';
import { dialogFilterName, SHELL_STRINGS } from '../../../../../electron/main/shell/strings';
import { DIALOG_FILTERS, FILE_PICKS } from '../../../../../shared/ipc/methods';
import { IMPORT_PICK } from '../../../../../shared/ipc/channels/import';
import { RESTORE_PICK } from '../../../../../electron/main/backup/restore-session';

describe('file dialog filters in the interface language', () => {
  it('words every kind of file in ru, ky and en, each kind differently', () => {
    for (const language of ['ru', 'ky', 'en'] as const) {
      const names = DIALOG_FILTERS.map((filter) => SHELL_STRINGS[language].filters[filter]);
      expect(new Set(names).size, language).toBe(DIALOG_FILTERS.length);
      for (const name of names) expect(name.trim().length).toBeGreaterThan(2);
    }
    // Russian and Kyrgyz name the kind in Cyrillic words, not the English the dialogs used to show.
    for (const language of ['ru', 'ky'] as const) {
      for (const filter of DIALOG_FILTERS) expect(SHELL_STRINGS[language].filters[filter], `${language} ${filter}`).toMatch(/[А-Яа-яӨөҮүҢң]{3}/);
    }
  });

  it('names the kind and lists its extensions', () => {
    expect(dialogFilterName(SHELL_STRINGS.ru, 'pdf', ['pdf'])).toBe('Документ PDF (*.pdf)');
    expect(dialogFilterName(SHELL_STRINGS.ky, 'table', ['csv', 'txt', 'xlsx'])).toBe('CSV же Excel таблицасы (*.csv, *.txt, *.xlsx)');
    expect(dialogFilterName(SHELL_STRINGS.en, 'backup', ['aryzbak'])).toBe('Aryz backup (*.aryzbak)');
  });

  it('every open dialog asks for a known kind', () => {
    for (const pick of [...Object.values(FILE_PICKS), IMPORT_PICK, RESTORE_PICK]) expect(DIALOG_FILTERS).toContain(pick.filterName);
  });
});
