// @ts-check
/**
 * ESLint (flat config), run by `npm run lint` before lit-analyzer (whose settings are the
 * `ts-lit-plugin` entry of tsconfig.json). TypeScript is linted with typescript-eslint's strict
 * type-checked rules, with types from tsconfig.json; plain JavaScript (Node scripts, config files,
 * two browser pages of the bundle tests) with the same rules less the type-aware ones.
 * Every rule turned off or down here says why.
 */
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // fixtures/frameworks/: apps type-checked against the packed package (scripts/check-frameworks.mjs), not in tsconfig.json.
    ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json', '.cache/', 'tmp/', 'fixtures/frameworks/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  lit.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    settings: {
      // The elements extend MloElement (src/internal/mlo-element.ts), a LitElement.
      wc: { elementBaseClasses: ['LitElement', 'MloElement'] },
    },
    rules: {
      // Off: a `!` stays where the value is proven (a shadow root Lit always attaches, an index in
      // range); no-unnecessary-type-assertion still reports every `!` that the types make needless.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Down: numbers print plainly in a template literal; objects, nullish values and booleans stay banned.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Down: `() => element.remove()` callbacks are idiomatic; a void value used as a value is still reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Down: chai's `expect(…).to.equal(…)` is typed as maybe returning a promise only because
      // @open-wc/semantic-dom-diff overloads it for `.dom` snapshots, which no test uses; every other
      // promise (`.to.be.accessible()`, the elements' `updateComplete`) must still be awaited.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' }] },
      ],
      // Down: a value typed `unknown` or `any` (a caught error, an abort signal's reason) is passed on as
      // it came, as only-throw-error allows for `throw`; a literal or a plain object is still reported.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Off: it asks for `super.connectedCallback?.()` in any element whose base is not HTMLElement;
      // TypeScript already rejects a super call to a hook the base lacks, and LitElement has them all.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    // Plain JavaScript is not in tsconfig.json, so it has no types for the type-aware rules to read.
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['test/bundle/pages/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The functions these scripts hand to Playwright's page.evaluate() run in the page.
    files: ['scripts/check-stories.mjs', 'bench/search.bench.mjs', 'bench/render.mjs', 'bench/startup.mjs', 'bench/long-tasks.mjs', 'bench/vanilla-*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Pages of the bundle tests, loaded by a browser as classic scripts.
    files: ['test/bundle/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
