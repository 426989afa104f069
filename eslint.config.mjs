import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The only files besides src/excel that may name Office: they wait for Office.onReady and wire the adapters. */
const OFFICE_ENTRIES = ["src/taskpane/office-entry.tsx", "src/commands/commands.ts"];
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension"];
const UI = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const NODE = ["fs", "fs/*", "node:*", "path", "os", "child_process", "worker_threads"];
/** Import patterns for a source folder, at any depth of "../" ("../excel", "../../excel/office-host"). */
const folders = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);

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
    // Office.js lives in the Excel adapter (src/excel) and the two entry files that wait for Office.onReady
    // (issue 17); everything else reaches Excel through the host contract or an src/excel adapter.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/excel/**", ...OFFICE_ENTRIES],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      // Types too (Excel.Range in a signature): no-restricted-globals sees only values.
      "no-restricted-syntax": [
        "error",
        { selector: "TSQualifiedName[left.name=/^(Office|Excel|OfficeExtension)$/]", message: "Office.js types belong in src/excel." },
      ],
      "no-restricted-imports": ["error", { patterns: [...folders("excel")] }],
    },
  },
  {
    // The host adapter is the only Office.js code and stays UI-free: no React, no exceljs, no pane or CLI imports.
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...UI, "exceljs", ...folders("taskpane", "cli", "commands", "preview", "live")] }],
    },
  },
  {
    // The checking loop (live checker, its change queue, session setup: pane, ribbon, preview) is host-neutral:
    // no React, no Office.js, nothing from the Office adapter, the pane or the CLI.
    files: ["src/live/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, "document", "window"],
      "no-restricted-imports": ["error", { patterns: [...UI, "exceljs", ...NODE, ...folders("excel", "taskpane", "cli", "commands", "preview", "xlsx")] }],
    },
  },
  {
    // The host contract, the in-memory host and the template-to-block converter are host-neutral (issue 17): no
    // React, no Office.js, nothing from the pane, the Office adapter or the checking loop above them.
    files: ["src/host/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, "document", "window"],
      "no-restricted-imports": ["error", { patterns: [...UI, "exceljs", ...NODE, ...folders("excel", "live", "taskpane", "cli", "commands", "preview", "xlsx")] }],
    },
  },
  {
    // The core is pure and imports nothing outside src/core: no Office.js, no DOM, no Node I/O, so the pane, the CLI
    // and the tests all share it.
    files: ["src/core/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, "document", "window", "fetch", "XMLHttpRequest"],
      "no-restricted-imports": [
        "error",
        { patterns: [...NODE, "exceljs", ...UI, ...folders("excel", "host", "live", "taskpane", "commands", "preview", "cli", "xlsx")] },
      ],
    },
  },
);
