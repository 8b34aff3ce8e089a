import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules are enforced by lint', () => {
  it.each([
    ['shared/x.ts', "import { readFile } from 'node:fs';"],
    ['shared/x.ts', "import path from 'path';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import { db } from '../renderer/src/data/schema';"],
    ['shared/case/x.ts', "import { createHandlers } from '../../electron/main/handlers';"],
    ['shared/x.ts', "import React from 'react';"],
    ['shared/x.ts', "import Dexie from 'dexie';"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { createDispatcher } from '../../electron/main/ipc/dispatch';"],
    ['renderer/src/x.ts', "import { startBridge } from '../../tests/bridge/server';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/app/App';"],
    ['electron/main/x.ts', "import { startBridge } from '../../tests/bridge/server';"],
    ['electron/preload/x.ts', "import fs from 'node:fs';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await importErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['shared/x.ts', "import { LIMITS } from './settings/schema';"],
    ['renderer/src/x.ts', "import { CHANNELS } from '../../shared/ipc/contract';"],
    ['electron/main/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['electron/main/x.ts', "import { CHANNELS } from '../../shared/ipc/contract';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});

describe('i18n is enforced by lint', () => {
  const restricted = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/x.tsx') });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
  };
  it('refuses text typed into JSX and user-visible literal attributes', async () => {
    expect(await restricted('export const A = () => <p>Сохранить</p>;')).toBe(1);
    expect(await restricted('export const A = () => <input placeholder="Search" />;')).toBe(1);
  });
  it('allows translated text and punctuation', async () => {
    expect(await restricted("declare const t: (k: string) => string; export const A = () => <p>{t('x')} — 1.</p>;")).toBe(0);
  });
});

describe('shared/ uses no host globals, which imports cannot show', () => {
  const hostGlobalErrors = async (code: string, file = 'shared/x.ts') => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-properties').length;
  };
  it.each([
    'export const w = window.innerWidth;',
    'export const title = document.title;',
    'export const home = process.env.HOME;',
    "export const b = Buffer.from('x');",
    'export const s = self.location;',
    'export const p = globalThis.process.env;',
    "export const d = globalThis['document'];",
    "export const saved = localStorage.getItem('x');",
  ])('refuses %s', async (code) => {
    expect(await hostGlobalErrors(code)).toBe(1);
  });
  it('allows what both sides have, and the same globals outside shared/', async () => {
    expect(await hostGlobalErrors('export const id = globalThis.crypto.randomUUID(); export const e = new TextEncoder(); export const d = { document: 1 }.document;')).toBe(0);
    expect(await hostGlobalErrors('export const home = process.env.HOME;', 'electron/main/x.ts')).toBe(0);
    expect(await hostGlobalErrors('export const title = document.title;', 'renderer/src/x.ts')).toBe(0);
  });
});

describe('renderer layers are enforced by lint', () => {
  const layerErrors = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src', file) });
    return result!.messages.filter((m) => m.ruleId === 'renderer-layers/layers').map((m) => m.message);
  };

  it.each([
    // Features stand side by side, however deep the importing file sits and however the path is written.
    ['features/cases/x.ts', "import { IntakeScreen } from '../intake/IntakeScreen';", 'features/cases may not import features/intake'],
    ['features/reference/forms/x.ts', "import { casesMessages } from '../../cases/messages';", 'features/reference may not import features/cases'],
    ['features/cases/x.ts', "import { IntakeScreen } from '../../features/intake/IntakeScreen';", 'features/cases may not import features/intake'],
    ['features/cases/x.ts', "export { intakeMessages } from '../intake/messages';", 'features/cases may not import features/intake'],
    ['features/cases/x.ts', "export const load = () => import('../intake/IntakeScreen');", 'features/cases may not import features/intake'],
    ['features/cases/x.ts', "import { App } from '../../app/App';", 'features/ may not import renderer/src/app/'],
    // Only the data layer uses Dexie.
    ['features/cases/x.ts', "import Dexie from 'dexie';", 'Only renderer/src/data/ uses Dexie'],
    ['features/cases/x.tsx', "import { useLiveQuery } from 'dexie-react-hooks';", 'Only renderer/src/data/ uses Dexie'],
    ['ui/x.ts', "import Dexie from 'dexie';", 'Only renderer/src/data/ uses Dexie'],
    ['app/x.ts', "import Dexie from 'dexie';", 'Only renderer/src/data/ uses Dexie'],
    ['features/cases/x.ts', "import type { Table } from 'dexie';", 'Only renderer/src/data/ uses Dexie'],
    // Features never hold the database: from the schema, types only.
    ['features/cases/x.ts', "import { db } from '../../data/schema';", 'Features never hold the database'],
    ['features/cases/x.tsx', "import { db, type CaseRow } from '../../data/schema';", 'Features never hold the database'],
    ['features/reference/forms/x.ts', "import { NO_DEADLINE } from '../../../data/schema';", 'Features never hold the database'],
    ['features/cases/x.ts', "import { AryzDb } from '../../data/schema.ts';", 'Features never hold the database'],
    ['features/cases/x.ts', "export { db } from '../../data/schema';", 'Features never hold the database'],
    ['features/cases/x.ts', "export const load = () => import('../../data/schema');", 'Features never hold the database'],
    // Lower layers never reach up.
    ['data/x.ts', "import { CasePage } from '../features/case-page/CasePage';", 'data/ may not import renderer/src/features/'],
    ['data/cases/x.ts', "import { Dialog } from '../../ui/Dialog';", 'data/ may not import renderer/src/ui/'],
    ['data/x.ts', "import { App } from '../app/App';", 'data/ may not import renderer/src/app/'],
    ['ui/case/x.ts', "import { CasePage } from '../../features/case-page/CasePage';", 'ui/ may not import renderer/src/features/'],
    ['i18n/x.ts', "import { casesMessages } from '../features/cases/messages';", 'i18n/ may not import renderer/src/features/'],
    ['lib/x.ts', "import { db } from '../data/schema';", 'lib/ may not import renderer/src/data/'],
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['features/cases/x.ts', "import { createCase } from '../../data/cases/cases.repo';"],
    ['features/cases/x.ts', "import type { CaseRow } from '../../data/schema';"],
    ['features/cases/x.ts', "import { type CaseRow, type PersonRow } from '../../data/schema';"],
    ['features/cases/x.ts', "export type { CaseRow } from '../../data/schema';"],
    ['features/cases/x.ts', "import { NO_DEADLINE } from '../../data/row-values';"],
    ['features/cases/x.ts', "import { appDbVersion } from '../../data/app-db';"],
    ['features/cases/x.ts', "import { Dialog } from '../../ui/Dialog';"],
    ['features/cases/x.ts', "import { localTodayIso } from '../../lib/date-time';"],
    ['features/cases/x.ts', "import { setLanguage } from '../../i18n';"],
    ['features/cases/x.ts', "import { CASE_STATUSES } from '../../../../shared/case/schema';"],
    ['features/cases/x.ts', "import { casesMessages } from './messages';"],
    ['features/reference/forms/x.ts', "import { referenceMessages } from '../messages';"],
    ['data/x.ts', "import Dexie from 'dexie';"],
    ['data/cases/x.ts', "import { localTodayIso } from '../../lib/date-time';"],
    ['ui/case/x.ts', "import { updateField } from '../../data/cases/cases.repo';"],
    ['app/x.ts', "import { CasePage } from '../features/case-page/CasePage';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('features never read a table or open a transaction', async () => {
    const tableErrors = async (code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/features/cases/x.ts') });
      return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('data-layer function')).length;
    };
    expect(await tableErrors('declare const db: () => { cases: { count(): number } }; export const n = db().cases.count();')).toBe(1);
    expect(await tableErrors("export const f = (database: { transaction(m: string): void }) => database.transaction('rw');")).toBe(1);
    expect(await tableErrors('declare const db: () => object; declare function createCase(d: object): void; createCase(db());')).toBe(0);
  });
});
