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
    ['shared/x.ts', "import { db } from '../../../renderer/src/data/schema';"],
    ['shared/case/x.ts', "import { createHandlers } from '../../../electron/main/handlers';"],
    ['shared/x.ts', "import React from 'react';"],
    ['shared/x.ts', "import Dexie from 'dexie';"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { createDispatcher } from '../../../electron/main/ipc/dispatch';"],
    ['renderer/src/x.ts', "import { startBridge } from '../../bridge/server';"],
    ['electron/main/x.ts', "import { App } from '../../../renderer/src/app/App';"],
    ['electron/main/x.ts', "import { startBridge } from '../../bridge/server';"],
    ['electron/preload/x.ts', "import fs from 'node:fs';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await importErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['shared/x.ts', "import { LIMITS } from '../../../shared/settings/schema';"],
    ['renderer/src/x.ts', "import { CHANNELS } from '../../../shared/ipc/contract';"],
    ['electron/main/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['electron/main/x.ts', "import { CHANNELS } from '../../../shared/ipc/contract';"],
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
