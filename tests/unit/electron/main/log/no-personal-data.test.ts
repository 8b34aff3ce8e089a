import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppLog } from '../../../../../electron/main/log/app-log';
import { redactError, redactFields } from '../../../../../electron/main/log/redact';
import { startBridge, type Bridge } from '../../../../bridge/server';
import { DOCUMENTS, factoryTemplate, fixtureInputs, PERSON, payloadInputs } from '../../../support/document-fixtures';
import { pdfBytes } from '../../../../fixtures/scans';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-logs-'));
let bridge: Bridge;
let cookie = '';

beforeAll(async () => {
  const rendererDir = path.join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/a.js"></script></head></html>');
  bridge = await startBridge({ rendererDir, dataDir: path.join(work, 'data') });
  cookie = `aryz_bridge_${new URL(bridge.origin).port}=${bridge.token}`;
}, 60_000);
afterAll(async () => {
  await bridge?.close();
  rmSync(work, { recursive: true, force: true });
});

function rpc<T = Record<string, unknown>>(channel: string, payload: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string } }> {
  const body = Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const url = new URL(`/__bridge/rpc/${channel}`, bridge.origin);
    const req = request(url, { method: 'POST', headers: { cookie, origin: bridge.origin, 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The person's values as they appear anywhere: names in three scripts, PIN, passport, phone, addresses, birth date. */
const PERSONAL = [
  PERSON.nameKy.surname,
  PERSON.nameKy.givenName,
  PERSON.nameRu.surname,
  PERSON.nameLat.surname,
  PERSON.pin,
  DOCUMENTS[0]!.number,
  // The phone as typed and as its digits: three digits alone turn up in any timing («"ms":283.916»).
  PERSON.phones[0]!,
  PERSON.phones[0]!.replace(/\D/gu, ''),
  '123-45-67',
  'Солянка',
  'Ак-Суу',
  '12.03.1990',
  '1990-03-12',
  'Тёплый ветер над Иссык-Кулем',
];

describe('logs hold no personal data', () => {
  it('after intake data, a generated letter, an attachment, a backup and failures, the logs name none of the person’s values', async () => {
    const caseId = 'case-usonov';
    // The administrator's first start: the account's password must not reach the logs either.
    expect(await rpc('accounts:setup', { name: 'Админ', position: 'Консул', password: 'Тёплый ветер над Иссык-Кулем 7' })).toMatchObject({ ok: true, value: { status: 'ok' } });
    // The letter carries the person's name, PIN and passport in its inputs.
    const generated = await rpc('documents:generate', { caseId, documentId: 'doc-1', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(fixtureInputs('mission_letter_mvd')) });
    expect(generated).toMatchObject({ ok: true, value: { status: 'generated' } });
    // An attachment named after the person, and one refused (an executable) with the same name.
    const scan = Buffer.from(await pdfBytes(1)).toString('base64');
    expect(await rpc('attachments:add', { name: `${PERSON.nameRu.surname}_паспорт_${DOCUMENTS[0]!.number}.pdf`, dataBase64: scan })).toMatchObject({ ok: true, value: { status: 'stored' } });
    expect(await rpc('attachments:add', { name: `${PERSON.pin}.pdf`, dataBase64: Buffer.from('MZ\x90\x00 not a scan').toString('base64') })).toMatchObject({ ok: true, value: { status: 'refused' } });
    // A backup whose database export holds the whole person.
    expect(await rpc('backup:setPassphrase', { passphrase: 'Тёплый ветер над Иссык-Кулем' })).toMatchObject({ ok: true });
    const begun = await rpc<{ session: string }>('backup:begin', { reason: 'manual', schemaVersion: 3, counts: { cases: 1 } });
    await rpc('backup:append', { session: begun.value!.session, seq: 0, data: Buffer.from(JSON.stringify({ persons: [PERSON], documents: DOCUMENTS })).toString('base64') });
    expect(await rpc('backup:finish', { session: begun.value!.session })).toMatchObject({ ok: true, value: { status: 'done' } });
    // Malformed calls carrying the values: refused by the schema, and by a path check that quotes its input.
    expect(await rpc('documents:generate', { caseId: `../${PERSON.pin}`, documentId: PERSON.nameKy.surname, template: {}, inputs: { person: PERSON } })).toMatchObject({ ok: false });
    expect(await rpc('documents:open', { relPath: `${caseId}/${PERSON.nameLat.surname}.pdf` })).toBeDefined();

    const logDir = path.join(bridge.dataDir, 'logs');
    const text = readdirSync(logDir).map((f) => readFileSync(path.join(logDir, f), 'utf8')).join('\n');
    // The flows were logged (channels, outcomes, sizes, durations)…
    for (const channel of ['documents:generate', 'attachments:add', 'backup:begin', 'backup:finish']) expect(text).toContain(`"channel":"${channel}"`);
    expect(text).toMatch(/"bytes":\d+/);
    expect(text).toMatch(/"ms":[\d.]+/);
    // …and none of the person's values.
    for (const value of PERSONAL) expect(text, value).not.toContain(value);
  }, 60_000);

  it('the redaction layer keeps codes, numbers and booleans, and drops free text and error messages', () => {
    expect(redactFields({ channel: 'documents:generate', code: 'IO_ERROR', bytes: 12, ok: true, name: 'Үсөнов', reason: 'Үсөнов Маңызбек', status: 'has space' })).toEqual({
      channel: 'documents:generate',
      code: 'IO_ERROR',
      bytes: 12,
      ok: true,
      name: '[redacted]',
      reason: '[redacted]',
      status: '[redacted]',
    });
    const error = Object.assign(new Error(`ENOENT: open 'C:\\Users\\Asanova\\AppData\\Local\\Aryz\\cases\\${PERSON.pin}.pdf'`), { code: 'ENOENT' });
    const kept = JSON.stringify(redactError(error));
    expect(kept).toContain('ENOENT');
    expect(kept).not.toContain(PERSON.pin);
    expect(kept).not.toContain('Asanova');
  });

  it('rotates its files at the size limit and keeps a bounded number', async () => {
    const dir = path.join(work, 'rotating');
    const log = createAppLog(dir, { maxBytes: 2000 });
    for (let i = 0; i < 400; i++) log.event('ipc', { channel: 'app:info', ok: true, bytes: i, ms: 1.5 });
    const files = await log.files();
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(6);
    expect(path.basename(files[0]!)).toBe('aryz.log');
  });
});
