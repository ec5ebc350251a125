// Lint for the whole repository: @eslint/js and typescript-eslint recommended rules, with node globals
// for the server, scripts, tests and build configuration, and browser globals for the web UI's sources.
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
    },
    rules: {
      // An argument or caught error named with a leading underscore is deliberately unused (a handler's fixed signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
      // A needless escape (often `\/` in a regex literal, where outside a class it is required) is noise, not a bug.
      'no-useless-escape': 'warn',
      // Flags the harmless `let x = ''` before a loop that always assigns it; worth a look, not a failed build.
      'no-useless-assignment': 'warn',
      // Sanitisers (file names, CSV cells, log lines) match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Code that runs in Node: everything except the browser bundle's sources.
    ignores: ['web/src/**'],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  {
    files: ['web/src/**'],
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
