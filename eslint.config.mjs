import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Config and reporter files run in Node as CommonJS.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { process: "readonly", module: "writable", require: "readonly", __dirname: "readonly" } },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No code from strings anywhere: eval, new Function, setTimeout("…") (issue 8; test/hardening/security.test.ts
    // also greps src/ for them and for network APIs).
    // no-implied-eval only sees timers it knows as globals, hence the declarations.
    files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { setTimeout: "readonly", setInterval: "readonly", execScript: "readonly", window: "readonly", globalThis: "readonly" } },
    rules: { "no-eval": "error", "no-implied-eval": "error", "no-new-func": "error" },
  },
  {
    // The host adapter is the only Office.js code and stays UI-free: no React, no exceljs, no pane or CLI imports.
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@fluentui/*", "exceljs", "*/taskpane/*", "*/cli/*"] }],
    },
  },
  {
    // The checking loop's shared setup (pane, ribbon, preview) is host-neutral: no React, no Office.js globals.
    files: ["src/live/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@fluentui/*", "exceljs", "*/taskpane/*", "*/cli/*", "*/excel/office-*"] }],
    },
  },
  {
    // The host contract and its template-to-block converter are host-neutral (issue 17): no React, no Office.js
    // globals, nothing from the pane or the Office adapter; the in-memory host will join them here.
    files: ["src/host/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "node:*", "*/taskpane/*", "*/excel/*", "*/cli/*", "*/live/*"] },
      ],
    },
  },
  {
    // The core is pure: no Office.js, no DOM, no Node I/O, so the pane, the CLI and the tests all share it.
    files: ["src/core/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "fetch", "XMLHttpRequest"],
      "no-restricted-imports": ["error", { patterns: ["fs", "node:*", "path", "exceljs", "react", "*/excel/*", "*/taskpane/*", "*/cli/*"] }],
    },
  },
);
