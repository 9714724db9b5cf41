import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// packages/core is the pure domain shared by the app and the API: it must run anywhere,
// so it may not reach for a UI framework, a runtime's built-ins or a server-side SDK.
const coreForbidden = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'packages/core is UI-free.' },
  {
    group: ['react-native', 'react-native/*', 'react-native-*', 'expo', 'expo-*', '@expo/*'],
    message: 'packages/core is platform-free.',
  },
  { group: ['node:*'], message: 'packages/core may not use Node built-ins.' },
  {
    group: ['drizzle-orm', 'drizzle-orm/*', 'drizzle-kit', 'pg', '@electric-sql/*'],
    message: 'packages/core knows no database.',
  },
  {
    group: ['stripe', 'stripe/*', 'openai', 'openai/*', 'fastify', 'fastify/*', '@fastify/*'],
    message: 'packages/core calls no external service.',
  },
];
const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-*/**',
      '**/.expo/**',
      '**/coverage/**',
      'apps/mobile/expo-env.d.ts',
      'apps/api/drizzle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js', 'scripts/**', 'bench/**', 'apps/api/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'apps/mobile/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/mobile/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'packages/core may not use Node built-ins.',
          })),
          patterns: coreForbidden,
        },
      ],
    },
  },
  prettier,
);
