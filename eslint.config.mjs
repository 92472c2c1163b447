// ESLint: `npm run lint`, part of `npm test`. The rules are the ones that catch real bugs here:
// promises nobody waits for or that land where a plain callback is expected, unused code, and Lit
// template mistakes; tsc (strict) does the rest of the checking. TypeScript in src/, tests/ and
// bench/ is linted with type information (the one tsconfig.json program); every other script with
// ESLint's recommended rules.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', '.cache/', 'bench/results/', 'demo/*/dist/', 'src/map/*.generated.*'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A comment may show the full-width text the code normalises (`'　ＴＡ－０３９１'`).
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `_` marks what a signature or a destructuring must name but does not use, as for tsc's
      // noUnusedParameters.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `interface GlobalEventHandlersEventMap extends StationMapEventMap {}` is how the element's
      // events merge into the DOM's.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Passing on what was caught or what an AbortSignal holds is right; a made-up string is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Lit binds `@click=${this.handleClick}` to the element, and Leaflet's `map.on(type, fn,
      // context)` takes the `this`: nearly all this flags here is right as written.
      '@typescript-eslint/unbound-method': 'off',
      // `async () => value` is how the tests' fakes return promises; a forgotten `await` is what
      // no-floating-promises and await-thenable catch.
      '@typescript-eslint/require-await': 'off',
      // tsc's strict mode already refuses implicit `any`; these flag the `any` of `new Array(n)` and
      // JSON.parse, which the code validates, and cost a quarter of the lint's time.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Without noUncheckedIndexedAccess, `rows[i]!` is "unnecessary" to tsc, but it says the read
      // is in range on purpose.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended']],
    rules: {
      // Template and lifecycle mistakes that render wrong without an error.
      'lit/attribute-names': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-value-attribute': 'error',
      'lit/value-after-constraints': 'error',
    },
  },
  {
    // Run in the page: the demos, the shipped-bundle suites, and the bench pages and screenshots
    // (whose Node drivers hand functions to page.evaluate()).
    files: ['demo/**/*.{js,ts,tsx}', 'tests/browser/**/*.{js,ts}', 'tests/browser/shipped/*.mjs', 'bench/browser/**/*.mjs', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
