/**
 * Security (issue 8): no code from strings (eval, new Function, setTimeout("…")) and no network API outside an
 * allow-list in src/; ESLint bans the first three; the manifest asks for the least permission that works; the
 * third-party licence list is current. The pane's own no-network e2e test and its CSP live with the pane (test/e2e).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

/** Forbidden everywhere in src/: code built from strings. */
const CODE_FROM_STRINGS: Array<[string, RegExp]> = [
  ["eval(", /(^|[^\w.$])eval\s*\(/],
  ["new Function", /\bnew\s+Function\s*\(/],
  ["setTimeout(string)", /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
];

/** Network APIs: none may appear in src/ except where ALLOWED says so. */
const NETWORK: Array<[string, RegExp]> = [
  ["fetch(", /(^|[^\w$])fetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["navigator.sendBeacon", /\bsendBeacon\b/],
  ["EventSource", /\bEventSource\b/],
  ["importScripts", /\bimportScripts\s*\(/],
];

/**
 * file (relative to src/) → the network APIs it may use, with the reason. Empty: the checker never talks to the
 * network. src/core, src/excel and src/taskpane must never appear here.
 */
const ALLOWED: Record<string, string[]> = {};

/** Source text with comments removed (strings kept: a URL in a string is not a call). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

interface Hit {
  file: string;
  line: number;
  api: string;
  text: string;
}

export function scan(file: string, text: string, patterns: Array<[string, RegExp]>): Hit[] {
  const hits: Hit[] = [];
  stripComments(text)
    .split("\n")
    .forEach((line, i) => {
      for (const [api, re] of patterns) if (re.test(line)) hits.push({ file, line: i + 1, api, text: line.trim().slice(0, 120) });
    });
  return hits;
}

function scanSrc(patterns: Array<[string, RegExp]>): Hit[] {
  return sourceFiles(SRC).flatMap((f) => scan(path.relative(SRC, f), fs.readFileSync(f, "utf8"), patterns));
}

describe("no code from strings and no network API in src/", () => {
  it("the scanner finds what it looks for (and ignores comments)", () => {
    const sample = [
      "const x = eval(code);",
      "const f = new Function('a', 'return a');",
      "setTimeout(\"go()\", 10);",
      "await fetch(url);",
      "const r = new XMLHttpRequest();",
      "const ws = new WebSocket(u);",
      "navigator.sendBeacon(u, data);",
      "// fetch(url) in a comment",
      "/* new WebSocket(u) */",
      "obj.evaluate(x); prefetch(y); setTimeout(() => 1, 5);",
    ].join("\n");
    const hits = scan("sample.ts", sample, [...CODE_FROM_STRINGS, ...NETWORK]);
    expect(hits.map((h) => [h.line, h.api])).toEqual([
      [1, "eval("],
      [2, "new Function"],
      [3, "setTimeout(string)"],
      [4, "fetch("],
      [5, "XMLHttpRequest"],
      [6, "WebSocket"],
      [7, "navigator.sendBeacon"],
    ]);
  });

  it("src/ has no eval, new Function or setTimeout(string)", () => {
    expect(scanSrc(CODE_FROM_STRINGS)).toEqual([]);
  });

  it("src/ uses no network API outside the allow-list (which is empty)", () => {
    const hits = scanSrc(NETWORK).filter((h) => !(ALLOWED[h.file] ?? []).includes(h.api));
    expect(hits).toEqual([]);
  });

  it("the allow-list never covers the core, the Excel adapter or the task pane", () => {
    expect(Object.keys(ALLOWED).filter((f) => /^(core|excel|taskpane)\//.test(f))).toEqual([]);
  });

  it("the scan covers the folders that matter", () => {
    const files = sourceFiles(SRC).map((f) => path.relative(SRC, f));
    for (const folder of ["core/", "cli/", "excel/", "taskpane/", "commands/"]) expect(files.some((f) => f.startsWith(folder))).toBe(true);
  });
});

describe("ESLint bans eval, new Function and setTimeout(string)", () => {
  it("a file using them fails lint with no-eval, no-new-func and no-implied-eval", () => {
    const probe = [
      "export function bad(code: string): unknown {",
      '  setTimeout("go()", 10);',
      "  const f = new Function(\"a\", \"return a\");",
      "  return eval(code) ?? f;",
      "}",
      "",
    ].join("\n");
    for (const file of ["src/core/zz-probe.ts", "src/taskpane/zz-probe.tsx", "test/zz-probe.ts"]) {
      const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", file, "--format", "json"], {
        cwd: ROOT,
        input: probe,
        encoding: "utf8",
      });
      expect(r.status).toBe(1);
      const rules = (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0].messages.map((m) => m.ruleId);
      expect([file, rules.filter((x) => ["no-eval", "no-new-func", "no-implied-eval"].includes(x)).sort()]).toEqual([file, ["no-eval", "no-implied-eval", "no-new-func"]]);
    }
  }, 60_000);
});

describe("least privilege", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("the manifest asks for ReadWriteDocument and nothing broader", () => {
    const permissions = [...manifest.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toEqual(["ReadWriteDocument"]);
  });

  it("it is the least that works: the add-in reads the workbook and writes marks and notes into it", () => {
    // ReadDocument would forbid the writes; WriteDocument the reads. ReadWriteDocument is the least that allows both.
    const adapter = sourceFiles(path.join(SRC, "excel")).map((f) => fs.readFileSync(f, "utf8")).join("\n");
    expect(adapter).toMatch(/conditionalFormats\s*\.\s*add\(/);
    expect(adapter).toMatch(/\b(notes|comments)\s*\.\s*add\(/);
    expect(adapter).toMatch(/getUsedRange(OrNullObject)?\(/);
  });
});

describe("third-party licences", () => {
  it("THIRD_PARTY_LICENSES.md is current for the production dependency tree", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/licences.ts", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect({ status: r.status, stderr: r.stderr.replace(/npm warn[^\n]*\n/g, "") }).toEqual({ status: 0, stderr: "" });
  }, 120_000);

  it("lists every direct production dependency", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const text = fs.readFileSync(path.join(ROOT, "THIRD_PARTY_LICENSES.md"), "utf8");
    for (const name of Object.keys(pkg.dependencies)) expect(text).toContain(`| ${name} |`);
    expect(execFileSync("git", ["ls-files", "THIRD_PARTY_LICENSES.md"], { cwd: ROOT, encoding: "utf8" }).trim()).toBe("THIRD_PARTY_LICENSES.md");
  });
});
