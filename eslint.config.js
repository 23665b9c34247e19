// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** Import specifiers that reach into a layer, by alias or by relative path. */
const layer = (name) => [`#src/${name}/*`, `**/${name}/**`, `../${name}/*`, `../../${name}/*`];
/**
 * The one-way arrows of docs/architecture.md, as forbidden imports per layer. services may import
 * reports and interop: use cases render the dossier and build calendars and bank transfers.
 */
const arrows = [
  {
    files: ['src/db/**/*.ts'],
    from: ['services', 'server', 'web', 'cli'],
    message: 'db depends on domain only.',
  },
  {
    files: ['src/services/**/*.ts'],
    from: ['server', 'web', 'cli'],
    message: 'services never import their callers.',
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    from: ['services', 'db', 'cli', 'config'],
    // The API contract is the one part of the server the web app reads: its zod schemas.
    only: ['**/server/**/*.ts', '#src/server/**/*.ts', '!**/server/routes/*.schema.ts'],
    message: 'web talks to the server over HTTP only (it may import server/routes/*.schema.ts).',
  },
  {
    files: ['src/interop/**/*.ts'],
    from: ['services', 'db', 'server', 'web', 'cli', 'config', 'reports'],
    message: 'interop depends on domain only.',
  },
  {
    files: ['src/reports/**/*.ts'],
    from: ['services', 'db', 'server', 'web', 'cli', 'config', 'interop'],
    message: 'reports depend on domain only.',
  },
  {
    files: ['src/config/**/*.ts'],
    from: ['domain', 'services', 'db', 'server', 'web', 'cli', 'interop', 'reports', 'i18n'],
    message: 'config imports nothing from the other layers.',
  },
];

/**
 * The web app's one layout (docs/architecture.md): the router gets every page from features/;
 * a feature reaches another only through that feature's index.ts; shared code (components, lib,
 * api, i18n) and the app shell depend on no feature's internals. These zones repeat the web
 * arrow's patterns, because a file's last no-restricted-imports setting replaces earlier ones.
 */
const webArrow = arrows.find(({ files }) => files.includes('src/web/**/*.{ts,tsx}'));
const webLayer = {
  group: [...webArrow.from.flatMap(layer), ...webArrow.only],
  message: webArrow.message,
};
const webFeatures = readdirSync(new URL('./src/web/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webZones = [
  {
    files: ['src/web/app/router.tsx'],
    // Every relative import but these four.
    regex: String.raw`^\.{1,2}/(?!(features/index\.ts|layout\.tsx|not-found-page\.tsx|route-error-page\.tsx)$)`,
    message:
      'The router gets every page from features/index.ts; the shell adds only its layout and fallbacks.',
  },
  {
    files: ['src/web/app/**/*.{ts,tsx}'],
    ignores: ['src/web/app/router.tsx'],
    group: ['../features/*/*'],
    message: 'The app shell uses features only through features/index.ts.',
  },
  {
    files: [
      'src/web/components/**/*.{ts,tsx}',
      'src/web/lib/**/*.{ts,tsx}',
      'src/web/api/**/*.{ts,tsx}',
      'src/web/i18n/**/*.{ts,tsx}',
    ],
    group: ['**/features/*', '**/features/**'],
    message: 'Shared web code depends on no feature.',
  },
  ...webFeatures.map((name) => ({
    files: [`src/web/features/${name}/**/*.{ts,tsx}`],
    group: webFeatures
      .filter((other) => other !== name)
      .flatMap((other) => [
        `../${other}/*`,
        `**/features/${other}/*`,
        `!../${other}/index.ts`,
        `!**/features/${other}/index.ts`,
      ]),
    message: 'A feature uses another feature only through its index.ts.',
  })),
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'coverage', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
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
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'net',
                'http',
                'https',
                'crypto',
              ],
              message: 'src/domain does no I/O.',
            },
            {
              group: [
                'pg',
                '@electric-sql/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'fastify',
                '@fastify/*',
                'react',
                'react-*',
                'highs',
              ],
              message: 'src/domain does no I/O.',
            },
            {
              group: [
                'services',
                'db',
                'server',
                'web',
                'cli',
                'config',
                'interop',
                'reports',
              ].flatMap(layer),
              message: 'src/domain is pure: it imports nothing outside src/domain.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/domain reads no env.' },
        { name: 'fetch', message: 'src/domain does no I/O.' },
        { name: 'console', message: 'src/domain does no I/O.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/domain has no clock: pass the date in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain has no clock: pass the date in.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/domain is deterministic.',
        },
      ],
    },
  },
  {
    // Use cases read "now" from their context's clock (services/clock.ts), one instant per request.
    files: ['src/services/**/*.ts', 'src/server/routes/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/services/clock.ts', 'src/services/auth/sessions.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from ctx.clock (services/clock.ts).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from ctx.clock (services/clock.ts).',
        },
      ],
    },
  },
  ...arrows.map(({ files, from, message, ...rest }) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...from.flatMap(layer), ...('only' in rest ? rest.only : [])],
              message,
            },
          ],
        },
      ],
    },
  })),
  ...webZones.map(({ files, ignores = [], message, ...match }) => ({
    files,
    ignores: ['**/*.test.ts', ...ignores],
    rules: {
      'no-restricted-imports': ['error', { patterns: [webLayer, { ...match, message }] }],
    },
  })),
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Past 400 lines a page is several components: split it in its feature folder.
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
);
