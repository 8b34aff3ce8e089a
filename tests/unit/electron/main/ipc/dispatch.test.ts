import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, HandlerError, type CallContext, type HandlerTable } from '../../../../../electron/main/ipc/dispatch';
import { CHANNELS } from '../../../../../shared/ipc/contract';
import { createHandlers } from '../../../../../electron/main/handlers';

const mission = { nameRu: 'Посольство', nameKy: 'Элчилик', address: 'Москва', phones: '', outgoingPrefix: 'КР' };
const caseworker = { fullName: 'Үсөнов А.', position: 'Атташе', phone: '' };
const ctx: CallContext = testContext({ saveFile: vi.fn(async () => ({ status: 'saved' as const, fileName: 'x.pdf' })) });

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  // Every channel answers IO_ERROR unless a test gives it a handler: the dispatcher is what is under test.
  const unused = Object.fromEntries(
    Object.keys(CHANNELS).map((channel) => [
      channel,
      async () => {
        throw new HandlerError('IO_ERROR');
      },
    ]),
  );
  return {
    ...unused,
    'app:info': async () => ({ version: '1', mode: 'browser', dataDir: '/tmp' }),
    'documents:exportMissionCard': async () => ({ status: 'saved', fileName: 'card.pdf', bytes: 10 }),
    'reference:export': async () => ({ status: 'saved', fileName: 'reference.json' }),
    ...overrides,
  } as HandlerTable;
}

describe('dispatch', () => {
  it('answers a valid call with the handler value', async () => {
    const dispatch = createDispatcher(table());
    await expect(dispatch('app:info', {}, ctx)).resolves.toEqual({ ok: true, value: { version: '1', mode: 'browser', dataDir: '/tmp' } });
  });

  it('refuses unknown channels, including prototype names', async () => {
    const dispatch = createDispatcher(table());
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      await expect(dispatch(channel, {}, ctx)).resolves.toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses malformed payloads before the handler runs, naming the fields', async () => {
    const handler = vi.fn();
    const dispatch = createDispatcher(table({ 'documents:exportMissionCard': handler }));
    const result = await dispatch('documents:exportMissionCard', { mission: { ...mission, nameRu: '' }, caseworker: 5 }, ctx);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_PAYLOAD',
        issues: [
          { path: 'mission.nameRu', code: 'required' },
          { path: 'caseworker', code: 'invalid_type' },
        ],
      },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses unknown keys and prototype-pollution keys', async () => {
    const dispatch = createDispatcher(table());
    const polluted = JSON.parse('{"__proto__": {"admin": true}}') as object;
    const result = await dispatch('app:info', polluted, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses oversize and cyclic payloads', async () => {
    const dispatch = createDispatcher(table());
    const huge = { mission: { ...mission, nameRu: 'x'.repeat(2_000_000) }, caseworker };
    await expect(dispatch('documents:exportMissionCard', huge, ctx)).resolves.toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(dispatch('app:info', cyclic, ctx)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('turns handler failures into typed codes without leaking messages', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      table({
        'app:info': async () => {
          throw new Error('secret path /home/user');
        },
        'documents:exportMissionCard': async () => {
          throw new HandlerError('IO_ERROR');
        },
      }),
      log,
    );
    await expect(dispatch('app:info', {}, ctx)).resolves.toEqual({ ok: false, error: { code: 'INTERNAL' } });
    await expect(dispatch('documents:exportMissionCard', { mission, caseworker }, ctx)).resolves.toEqual({ ok: false, error: { code: 'IO_ERROR' } });
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('checks handler answers against the response schema', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(table({ 'app:info': async () => ({ version: 1 }) as never }), log);
    await expect(dispatch('app:info', {}, ctx)).resolves.toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalled();
  });

  it('covers every channel of the contract in the handler table type', () => {
    expect(Object.keys(table()).sort()).toEqual(Object.keys(CHANNELS).sort());
    // The real table, as main builds it: a channel without a handler would answer INTERNAL at run time.
    const real = createHandlers(testMainDeps('/tmp'));
    expect(Object.keys(real).sort()).toEqual(Object.keys(CHANNELS).sort());
  });

  it('applies the payload limit of the channel where it has one, the common limit elsewhere', async () => {
    const handler = vi.fn();
    const dispatch = createDispatcher(table({ 'reference:export': handler }));
    // 3 MB is over the common limit but under the export's: it reaches validation (and fails it, not being a bundle).
    const big = await dispatch('reference:export', { json: `"${'x'.repeat(3_000_000)}"` }, ctx);
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const huge = await dispatch('reference:export', { json: 'x'.repeat(10_000_001) }, ctx);
    expect(huge).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const card = await dispatch('documents:exportMissionCard', { mission: { ...mission, nameRu: 'x'.repeat(1_000_001) }, caseworker }, ctx);
    expect(card).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(handler).not.toHaveBeenCalled();
  });
});
