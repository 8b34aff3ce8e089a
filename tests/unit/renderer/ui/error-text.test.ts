import { describe, expect, it, vi } from 'vitest';
import { AccessCallError } from '../../../../renderer/src/features/access/access-api';
import { BatchIpcError } from '../../../../renderer/src/data/batch/batch-run.repo';
import { RegisterOfflineError } from '../../../../renderer/src/data/sync/register-source';
import { describeError, ipcErrorOf, STORAGE_ERROR_NAMES } from '../../../../renderer/src/ui/error-text';
import { IPC_ERROR_CODES, IpcCallError, type IpcError } from '../../../../shared/ipc/result';
import { translator } from '../../support/translator';

const LANGUAGES = ['ru', 'ky', 'en'] as const;
const ipcError = (code: (typeof IPC_ERROR_CODES)[number]): IpcError =>
  code === 'INVALID_PAYLOAD' ? { code, issues: [{ path: 'person.pin', code: 'invalid_format' }] } : { code };

/** A translated sentence: not a key, not empty, not the exception's own text. */
function expectSentence(text: string, raw?: string): void {
  expect(text).not.toMatch(/^errors\./);
  expect(text.trim().length).toBeGreaterThan(10);
  if (raw) expect(text).not.toContain(raw);
}

describe('describeError: every failure reaches the screen as a sentence in the user’s language', () => {
  it.each(LANGUAGES)('%s: every IPC error code has its message, however the error is carried', async (language) => {
    const { t } = await translator(language);
    const texts = new Set<string>();
    for (const code of IPC_ERROR_CODES) {
      const error = ipcError(code);
      const text = describeError(t, error);
      expectSentence(text, code);
      texts.add(text);
      expect(describeError(t, new AccessCallError(error))).toBe(text);
      expect(describeError(t, new IpcCallError(error, 'reference data unavailable'))).toBe(text);
      if (code !== 'INVALID_PAYLOAD') expect(describeError(t, new BatchIpcError(code))).toBe(text);
    }
    // One message per code: a code mapped to another's text would hide what happened.
    expect(texts.size).toBe(IPC_ERROR_CODES.length);
    expect(describeError(t, ipcError('INVALID_PAYLOAD'))).toContain('person.pin');
  });

  it.each(LANGUAGES)('%s: IndexedDB and Dexie failures by name, also when Dexie wraps the browser’s error', async (language) => {
    const { t } = await translator(language);
    for (const name of STORAGE_ERROR_NAMES) {
      const raw = `${name} at IDBObjectStore.put /home/caseworker/secret`;
      const error = Object.assign(new Error(raw), { name });
      expectSentence(describeError(t, error), raw);
      const wrapped = Object.assign(new Error('AbortError wrapped'), { name: 'SomeDexieWrapper', inner: error });
      expect(describeError(t, wrapped)).toBe(describeError(t, error));
    }
    const quota = describeError(t, Object.assign(new Error('x'), { name: 'QuotaExceededError' }));
    const closed = describeError(t, Object.assign(new Error('x'), { name: 'DatabaseClosedError' }));
    expect(quota).not.toBe(closed);
  });

  it.each(LANGUAGES)('%s: an unexpected exception says nothing changed and keeps its text out of the page', async (language) => {
    const { t } = await translator(language);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const raw = 'No case 0b6f1c2e-… in table cases';
    const text = describeError(t, new Error(raw));
    expectSentence(text, raw);
    expect(describeError(t, 'a thrown string')).toBe(text);
    expect(describeError(t, undefined)).toBe(text);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
    expectSentence(describeError(t, new Error('NO_BACKEND')), 'NO_BACKEND');
    expectSentence(describeError(t, new Error('NO_SETTINGS')), 'NO_SETTINGS');
  });

  it.each(LANGUAGES)('%s: a joined PC without its server says why no outgoing number was given', async (language) => {
    const { t } = await translator(language);
    const error = new RegisterOfflineError(new Error('connect ECONNREFUSED 192.168.1.10:8443'));
    const text = describeError(t, error);
    expectSentence(text, 'ECONNREFUSED');
    expect(text).not.toBe(t('errors.UNEXPECTED'));
  });

  it('finds the typed error inside the carriers the app uses, and nothing in a plain error', () => {
    expect(ipcErrorOf({ code: 'IO_ERROR' })).toEqual({ code: 'IO_ERROR' });
    expect(ipcErrorOf(new AccessCallError({ code: 'LOCKED' }))).toEqual({ code: 'LOCKED' });
    expect(ipcErrorOf(new Error('IO_ERROR'))).toBeNull();
    expect(ipcErrorOf({ code: 'SOMETHING_ELSE' })).toBeNull();
    // A carrier with only the code (BatchIpcError) still names the failure, without field paths.
    expect(ipcErrorOf({ code: 'INVALID_PAYLOAD' })).toEqual({ code: 'INVALID_PAYLOAD', issues: [] });
  });
});
