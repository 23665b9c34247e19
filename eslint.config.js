// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (name) => [`./src/${name}`];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'coverage', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // The one-way arrows of docs/architecture.md.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/services', './src/db', './src/server', './src/web', './src/cli', './src/config', './src/interop', './src/reports'],
              message: 'src/domain is pure: it imports nothing outside src/domain.',
            },
            { target: './src/db', from: [...layer('services'), ...layer('server'), ...layer('web'), ...layer('cli')], message: 'db depends on domain only.' },
            { target: './src/services', from: [...layer('server'), ...layer('web'), ...layer('cli')], message: 'services never import their callers.' },
            { target: './src/web', from: [...layer('services'), ...layer('db'), ...layer('cli'), './src/config'], message: 'web talks to the server over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto'], message: 'src/domain does no I/O.' },
            { group: ['pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@fastify/*', 'react', 'react-*'], message: 'src/domain does no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/domain reads no env.' }, { name: 'fetch', message: 'src/domain does no I/O.' }, { name: 'console', message: 'src/domain does no I/O.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain has no clock: pass the date in.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain has no clock: pass the date in.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/domain is deterministic.' },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
