// ESLint for the whole repository: `npm run lint` (which also runs `prettier --check .`).
// Formatting belongs to Prettier, so no rule here is about layout. Type checking belongs to tsc
// (`npm run typecheck`), so the TypeScript rules are the ones that need no type information.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The globals the mini-program runtime defines for client and plugin code.
const miniProgramGlobals = {
  my: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
  requirePlugin: 'readonly',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.dist-staging/',
      '.dist-old/',
      '.local-cloud/',
      'bench-results/',
      'test-results/',
      'coverage/',
      // Stand-ins for compiled output, kept byte for byte as the tests expect them.
      'tests/check/fixtures/',
      'tests/fixtures/',
    ],
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Input checks match control characters on purpose (paths, headers).
      'no-control-regex': 'off',
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },

  {
    // Build, tools, local cloud and tests run in Node.
    files: ['**/*.{ts,mts,mjs,cjs,js}'],
    ignores: ['client/**', 'plugin/**'],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    // The host app and the plugin run in the mini-program runtime, not in Node or a browser.
    files: ['client/**', 'plugin/**'],
    languageOptions: { globals: { ...globals.es2015, ...miniProgramGlobals } },
  },

  {
    // Tests and the mini-program test runtime handle the untyped `this` and `my` of code under
    // test, where `any` is the honest type.
    files: ['tests/**', 'local-cloud/mini-runtime/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    // CommonJS scripts, such as the postinstall script, load their modules with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
