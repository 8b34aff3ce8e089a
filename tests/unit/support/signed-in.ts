import { beginSession } from '../../../renderer/src/lib/session';

/**
 * Every unit test file starts signed in with a fixed data key, as the app's renderer is once the database opens
 * (the database is never opened before sign-in): the at-rest middleware seals and opens rows with it. Tests of
 * the locked state lock or end the session themselves (tests/unit/renderer/data/at-rest).
 */
export const TEST_DATA_KEY = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
export const TEST_SESSION = { accountId: 'acc-test', name: 'Тестовый Сотрудник', position: 'консул', role: 'admin' as const, mustChangePassword: false };

export function signInForTests(): void {
  beginSession(TEST_SESSION, btoa(String.fromCharCode(...TEST_DATA_KEY)));
}

signInForTests();
