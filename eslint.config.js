// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', 'admin/dist/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Layers (ARCHITECTURE.md): domain is pure — no AWS SDK, no HTTP, no I/O.
    files: ['functions/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@aws-sdk/*', 'hono', 'hono/*', '@hono/*', 'node:fs', 'node:http', '../../storage/*', '../storage/*', '../../http/*', '../http/*'] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'domain takes configuration as arguments' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly' } },
  },
  {
    // AG Grid is about a megabyte: only the sheet grid, a chunk loaded on demand, imports it
    // (sheet/Sheet.tsx; test/admin/sheet/codeSplit.test.ts checks the build).
    files: ['admin/src/**/*.{ts,tsx}'],
    ignores: ['admin/src/sheet/grid/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['ag-grid-community', 'ag-grid-react', '@ag-grid-community/*'], allowTypeImports: true, message: 'AG Grid loads with the sheet (admin/src/sheet/grid/), never on the first screen.' }] }],
    },
  },
  {
    // exceljs (~1 MB) and papaparse load when a file is opened or written, with import()
    // (admin/src/import-export/), never with a page.
    files: ['admin/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'exceljs', message: 'Load it with import() where a file is read or written (admin/src/import-export/).' },
        { name: 'papaparse', message: 'Load it with import() where a file is read or written (admin/src/import-export/).' },
      ] }],
    },
  },
);
