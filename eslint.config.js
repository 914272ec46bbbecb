// ESLint: typescript-eslint's recommended rules, plus the direction of dependencies
// (docs/LAYOUT.md): controller → service → repository; a feature never reaches into
// another feature's repository; infrastructure imports no feature; SQL lives only in
// repositories and migrations; the wire types and the web app import no server code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders of apps/api/src that are infrastructure: shared by features, knowing none of them. */
const INFRASTRUCTURE = ['common', 'config', 'database', 'events', 'lifecycle', 'openapi', 'redis', 'security'];
/** Feature folders of apps/api/src, each with the features it may use (its services, never its repositories). */
const FEATURES = {
  accounts: ['access'],
  'address-books': ['accounts', 'access'],
  access: ['accounts', 'address-books'],
  history: ['access'],
  contacts: ['history', 'access', 'address-books'],
  realtime: ['history', 'access'],
  external: ['contacts', 'access'],
  health: ['access'],
  vcard: [],
  imports: ['vcard', 'contacts', 'access'],
  carddav: ['access', 'vcard', 'contacts', 'history'],
  merge: ['contacts', 'access'],
  seed: ['contacts', 'history'],
};
const ALL_FEATURES = Object.keys(FEATURES);

/** Relative imports reach a folder from any depth below apps/api/src (contacts/validators/… too). */
const UP = ['../', '../../', '../../../'];
const importsOf = (folders) => folders.flatMap((folder) => UP.map((up) => `${up}${folder}/**`));

/** Another feature's repository, whichever feature it is. */
const FOREIGN_REPOSITORY = {
  group: UP.flatMap((up) => [`${up}*/*.repository.js`, `${up}*/*.repository`]),
  message: "Use the other feature's service: a feature's repository is its own (docs/LAYOUT.md).",
};

/** Database access by SQL text or query builder: repositories and migrations only. */
const SQL_OUTSIDE_REPOSITORIES = [
  {
    selector: "CallExpression[callee.property.name=/^(query|createQueryBuilder|prepare|pragma)$/]",
    message: 'SQL belongs in a *.repository.ts class (or a migration).',
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', 'apps/web/.angular/**', '**/*.d.ts', 'bench-results/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly',
        queueMicrotask: 'readonly', structuredClone: 'readonly', fetch: 'readonly', AbortController: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Infrastructure imports no feature.
  {
    files: INFRASTRUCTURE.map((folder) => `apps/api/src/${folder}/**/*.ts`),
    ignores: ['**/*.spec.ts', 'apps/api/src/database/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: importsOf(ALL_FEATURES), message: 'Infrastructure imports no feature: let the feature register itself or hook in.' }] },
      ],
    },
  },
  // Each feature uses only the features it stands on, and never their repositories.
  ...Object.entries(FEATURES).map(([feature, allowed]) => ({
    files: [`apps/api/src/${feature}/**/*.ts`],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FOREIGN_REPOSITORY,
            {
              group: importsOf(ALL_FEATURES.filter((f) => f !== feature && !allowed.includes(f))),
              message: `${feature}/ may use only ${allowed.length ? allowed.join(', ') : 'infrastructure'} (docs/LAYOUT.md).`,
            },
          ],
        },
      ],
    },
  })),
  // SQL only in repositories and migrations.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/migrations/**', '**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_OUTSIDE_REPOSITORIES] },
  },
  // The wire types are the contract alone; the web app talks to the API over HTTP only.
  {
    files: ['libs/wire-types/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '@nestjs/*', 'typeorm'], message: 'Wire types import no server or app code.' }] }] },
  },
  {
    files: ['apps/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/api/**', '@nestjs/*', 'typeorm'], message: 'The web app imports no API code.' }] }] },
  },
  // CommonJS files (Jest stand-ins for ESM-only packages) are scripts with `module`/`require`, not ES modules.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', exports: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Tests may use what they need to set the scene.
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
