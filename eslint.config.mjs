import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering (as VS Code does it): shared/ is pure, renderer/ never touches Node or electron/,
// electron/ never reaches into renderer/, and no application code imports test code.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const upTo = (dir) => `^(\\.\\./|\\./)*(\\.\\./)+${dir}(/|$)`;
// What imports cannot show: shared/ runs in the page and in main alike, so it may not reach for either side's
// globals, directly or through globalThis (globalThis.crypto, the Web Crypto both sides have, stays allowed).
const hostGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'self', 'process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate'];
const hostGlobalMessage = 'shared/ runs in the renderer and in main alike: no browser or Node globals; take what you need as a parameter.';
const restrict = (message, regexes, paths = []) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message })),
    patterns: regexes.map((regex) => ({ regex, message })),
  },
];


// The renderer's layers (README "The renderer in layers"): app/ on top, then features/ side by side, then ui/ and
// i18n/, then data/ (the only place Dexie is used), then lib/. Import specifiers are resolved against the file,
// so `../cases/x` from one feature and `../../features/cases/x` from another are judged the same.
const rendererRoot = path.resolve(import.meta.dirname, 'renderer/src');
const LAYER_MAY_IMPORT = {
  app: null, // the shell composes everything
  features: ['data', 'ui', 'lib', 'i18n', 'api', 'zod-jitless'],
  ui: ['data', 'ui', 'lib', 'i18n', 'api'],
  i18n: ['i18n', 'lib', 'api'],
  data: ['data', 'lib', 'api', 'zod-jitless'],
  lib: ['lib'],
};
const DEXIE = /^dexie(-react-hooks|-export-import)?(\/|$)/;
const layerOf = (file) => {
  const rel = path.relative(rendererRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [top, second] = rel.split(path.sep);
  return { top: top.replace(/\.tsx?$/, ''), feature: top === 'features' ? second : null };
};
// data/schema.ts is the database module (the Dexie class, its versions, db()): above the data layer only its types.
const schemaFile = path.join(rendererRoot, 'data', 'schema');
const isSchema = (resolved) => resolved.replace(/\.tsx?$/, '') === schemaFile;
// `import type { … }`, `import { type A, type B }` and `export type { … } from` bring no value; a dynamic import does.
const typeOnly = (node) =>
  node.type !== 'ImportExpression' &&
  (node.importKind === 'type' || node.exportKind === 'type' || ((node.specifiers ?? []).length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')));
const rendererLayers = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = layerOf(context.filename);
        if (!from || !(from.top in LAYER_MAY_IMPORT)) return {};
        const check = (node) => {
          const spec = node.source && typeof node.source.value === 'string' ? node.source.value : null;
          if (!spec) return;
          if (DEXIE.test(spec)) {
            if (from.top !== 'data') context.report({ node: node.source, message: `Only renderer/src/data/ uses Dexie: call a data-layer function or its use-* hook instead of importing '${spec}'.` });
            return;
          }
          if (!spec.startsWith('.')) return;
          const to = layerOf(path.resolve(path.dirname(context.filename), spec));
          if (!to) return;
          if (from.top === 'features' && to.top === 'features') {
            if (to.feature !== from.feature) context.report({ node: node.source, message: `Features stand side by side: features/${from.feature} may not import features/${to.feature}. Move what both need down (ui/, data/, lib/) or let app/ compose them.` });
            return;
          }
          if (from.top === 'features' && to.top === 'data' && isSchema(path.resolve(path.dirname(context.filename), spec)) && !typeOnly(node)) {
            context.report({ node: node.source, message: `Features never hold the database: import only types from data/schema (\`import type\`); call a data-layer function, which reads the active database itself, and take value lists from data/row-values.` });
            return;
          }
          const allowed = LAYER_MAY_IMPORT[from.top];
          if (allowed && !allowed.includes(to.top)) context.report({ node: node.source, message: `renderer/src/${from.top}/ may not import renderer/src/${to.top}/: lower layers never reach up (it may import ${allowed.join(', ')}).` });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};
// Features hold no database (the layers rule above refuses db from the schema); should one reach them anyway, they
// still never read a table or open a transaction.
const TABLES = 'settings|persons|cases|audit|drafts|requests|checks|referenceVersions|counters|attachments|documents|outgoing|templates|templateDrafts|importMappings|imports|transferSync|batchJobs|batchItems|transaction|table|tables';
const noTableAccess = [
  { selector: `MemberExpression[object.type='CallExpression'][object.callee.name='db'][property.name=/^(${TABLES})$/]`, message: 'Features do not read tables: call a data-layer function (renderer/src/data/).' },
  { selector: `MemberExpression[object.name=/^(db|database)$/][property.name=/^(${TABLES})$/]`, message: 'Features do not read tables: call a data-layer function (renderer/src/data/).' },
];
const rendererSyntax = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: 'JSXText[value=/\\p{L}/u]', message: 'Text in JSX must come from i18n: use t(...).' },
  { selector: 'JSXAttribute[name.name=/^(placeholder|title|aria-label|alt)$/] > Literal[value=/\\p{L}/u]', message: 'User-visible attributes must come from i18n: use t(...).' },
];

export default tseslint.config(
  { ignores: ['.tmp/**', '.cache/**', '.aryz/**', 'out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/electronegativity/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        'shared/ is pure: it may import only shared/ modules and pure libraries, never Node, Electron, React, Dexie, electron/, renderer/ or tests/.',
        [upTo('electron'), upTo('renderer'), upTo('tests'), '^electron(/|$)', '^react(-dom)?(/|$)', '^dexie'],
        nodeBuiltins,
      ),
      'no-restricted-globals': ['error', ...hostGlobals.map((name) => ({ name, message: hostGlobalMessage }))],
      'no-restricted-properties': ['error', ...hostGlobals.map((property) => ({ object: 'globalThis', property, message: hostGlobalMessage }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'renderer-layers': rendererLayers },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every user-visible string goes through i18n: letters typed straight into JSX are refused.
      'no-restricted-syntax': ['error', ...rendererSyntax],
      'renderer-layers/layers': 'error',
      'no-restricted-imports': restrict(
        'renderer/ runs in a sandboxed page: no Node modules, no Electron, nothing from electron/ or tests/; talk to main through window.aryz.',
        [upTo('electron'), upTo('tests'), '^electron(/|$)'],
        nodeBuiltins,
      ),
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...rendererSyntax, ...noTableAccess] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('electron/ must not import renderer/ or tests/ code.', [upTo('renderer'), upTo('tests')]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'The sandboxed preload may import only electron and types: it exposes named functions, nothing else.',
        [upTo('renderer'), upTo('tests')],
        nodeBuiltins,
      ),
    },
  },
);
