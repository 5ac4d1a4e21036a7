/**
 * ESLint 9 (flat config): `npm run lint`, part of `npm test`, lints src/, test/ and scripts/ and allows no warning.
 * CommonJS like the other configs here, so that test/lint.test.ts can hand it to ESLint's Node API under jest.
 */
const js = require("@eslint/js");
const { defineConfig, globalIgnores } = require("eslint/config");
const jsxA11y = require("eslint-plugin-jsx-a11y");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");
const tseslint = require("typescript-eslint");

module.exports = defineConfig([
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      // As TypeScript's noUnusedParameters: a parameter named _x is there for its position (an override, a callback).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // Office.js' rules, taken one by one: the plugin's own recommended config also switches on prettier and formatting.
  // On the code that calls Office.js and its tests. Not on the simulator and its tests (src/office-sim implements
  // Office.js rather than calling it; test/office-sim reads without load and syncs out of turn on purpose), nor on
  // the engine, the command line and the scripts, where the rules' guesses by name (`row.value`) meet exceljs objects.
  {
    files: ["src/{excel,taskpane,commands,playground}/**/*.{ts,tsx}", "test/{excel,commands,browser}/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
  },
]);
