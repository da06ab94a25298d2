// Lint, including the layering of engineering.md §1 as import rules (the per-tree tsconfigs enforce it too).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Refusing control characters in names and file names is deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.mjs', '*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(['node:*', 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'], 'shared/ is pure: no Node, Electron, DOM or React.'),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: forbid(['electron', '**/desktop/**', '**/web/**', '**/cli/**', '**/renderer/**'], 'The core never imports electron or a shell.'),
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: forbid(['electron', '**/desktop/**', '**/renderer/**'], 'The browser shell and command line never import electron.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(['node:*', 'electron', '**/electron/**'], 'The renderer reaches the core only through api/client.ts.'),
    },
  },
);
