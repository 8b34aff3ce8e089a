import { builtinModules } from 'node:module';
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every user-visible string goes through i18n: letters typed straight into JSX are refused.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: 'JSXText[value=/\\p{L}/u]', message: 'Text in JSX must come from i18n: use t(...).' },
        { selector: 'JSXAttribute[name.name=/^(placeholder|title|aria-label|alt)$/] > Literal[value=/\\p{L}/u]', message: 'User-visible attributes must come from i18n: use t(...).' },
      ],
      'no-restricted-imports': restrict(
        'renderer/ runs in a sandboxed page: no Node modules, no Electron, nothing from electron/ or tests/; talk to main through window.aryz.',
        [upTo('electron'), upTo('tests'), '^electron(/|$)'],
        nodeBuiltins,
      ),
    },
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
