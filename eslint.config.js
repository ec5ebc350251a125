// Lint for the whole repository: @eslint/js and typescript-eslint recommended rules, with node globals
// for the server, scripts and tests, and browser globals for the web UI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'web/dist/', 'data/', 'coverage/', '.tmp/', 'bench/data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // An argument or caught error named with a leading underscore is deliberately unused (a handler's fixed signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx,js,jsx}'],
    ignores: ['web/vite.config.ts'],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    // Plain JavaScript (scripts, the bin entry, this file) has no type annotations to check.
    files: ['**/*.{js,mjs,cjs}'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
