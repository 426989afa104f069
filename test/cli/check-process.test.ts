/**
 * End-to-end: the CLI as a child process. Each process costs about a second, so they all start at once in
 * beforeAll and the tests only inspect the outcomes.
 */
import { publicCell } from "../../src/core/finding";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckResult } from "../../src/core/finding";
import { checkWorkbook } from "../../src/core/engine";
import { fixturePath } from "../helpers/fixtures";
import { notesOf, unzip } from "../helpers/xlsx-parts";

const ROOT = path.resolve(__dirname, "../..");
const ENTRY = path.join(ROOT, "src/cli/main.ts");
const FAKE_ENTRY = path.join(ROOT, "test/helpers/fake-check-cli.ts");
// An absolute loader URL so the CLI can run from any working directory.
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runNode(script: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Outcome> {
  return runCommand(process.execPath, ["--import", TSX, script, ...args], cwd, env);
}

function runCommand(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** stderr without the npm/node noise this machine may add ("npm warn …"). */
function ownStderr(o: Outcome): string[] {
  return o.stderr.split("\n").filter((l) => l.trim() !== "" && !/^npm (warn|notice)/i.test(l));
}

function expectOneLineNoStack(o: Outcome): void {
  const lines = ownStderr(o);
  expect(lines).toHaveLength(1);
  expect(o.stderr).not.toMatch(/^\s+at /m);
  expect(o.stderr).not.toMatch(/Error:/);
}

const engineReady = (() => {
  try {
    checkWorkbook({ sheets: [] });
    return true;
  } catch {
    return false;
  }
})();

const fakeResult: CheckResult = {
  tables: [
    {
      sheet: "基本支出表",
      kind: "basic-expenditure",
      range: "A1:F32",
      title: "单位预算一般公共预算财政拨款基本支出表",
    },
  ],
  findings: [
    {
      rule: "hierarchy.sum",
      severity: "error",
      message: "测试用错误",
      messageEn: "A test error",
      cells: [
        { sheet: "基本支出表", row: 11, col: 3 },
        { sheet: "基本支出表", row: 12, col: 3 },
      ],
      expected: "150.62",
      actual: "84.50",
    },
  ],
};

describe("npm run check as a process", () => {
  let dir: string;
  let corrupt: string;
  let input: string;
  let inputBytes: Buffer;
  let annotated: string;
  const outcomes: Record<string, Outcome> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-process-"));
    const whole = fs.readFileSync(fixturePath("shijiazhuang-social-insurance-2023"));
    corrupt = path.join(dir, "corrupt.xlsx");
    fs.writeFileSync(corrupt, whole.subarray(0, 5000));
    input = path.join(dir, "unit.xlsx");
    fs.writeFileSync(input, whole);
    inputBytes = whole;
    annotated = path.join(dir, "marked.xlsx");

    const runs: Record<string, Promise<Outcome>> = {
      corrupt: runNode(ENTRY, [corrupt, "--format", "json"], ROOT),
      missing: runNode(ENTRY, [path.join(dir, "no-such-file.xlsx")], ROOT),
      overwrite: runNode(ENTRY, [input, "--annotate", input], ROOT),
      // Real reading, reporting and annotation with a fixed engine result, from an unrelated cwd, on the sample.
      fake: runNode(FAKE_ENTRY, ["--format", "json", "--annotate", annotated], dir, {
        FAKE_CHECK_RESULT: JSON.stringify(fakeResult),
      }),
    };
    if (engineReady) {
      runs.realJson = runCommand("npm", ["run", "--silent", "check", "--", input, "--format", "json"], ROOT);
      runs.realSample = runNode(ENTRY, [], dir);
    }
    const names = Object.keys(runs);
    const done = await Promise.all(names.map((n) => runs[n]));
    names.forEach((n, i) => (outcomes[n] = done[i]));
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a corrupt file: exit 2, one line on stderr, no stack trace, nothing on stdout", () => {
    const o = outcomes.corrupt;
    expect(o.code).toBe(2);
    expect(o.stdout).toBe("");
    expectOneLineNoStack(o);
    expect(o.stderr).toContain("Cannot read corrupt.xlsx");
  });

  it("a missing file: exit 2, one line", () => {
    const o = outcomes.missing;
    expect(o.code).toBe(2);
    expectOneLineNoStack(o);
    expect(o.stderr).toContain("file not found");
  });

  it("--annotate refuses to overwrite its input", () => {
    const o = outcomes.overwrite;
    expect(o.code).toBe(2);
    expectOneLineNoStack(o);
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  it("--format json prints one JSON object; the sample is found from any cwd; --annotate writes marks", async () => {
    const o = outcomes.fake;
    expect(ownStderr(o).join("\n")).toContain("marked.xlsx");
    expect(o.code).toBe(1);
    const report = JSON.parse(o.stdout);
    expect(Object.keys(report)).toEqual(["file", "tables", "findings"]);
    expect(report.file).toMatch(/assets[\\/]sample\.xlsx$/);
    expect(report.findings).toEqual(fakeResult.findings.map((f) => ({ ...f, cells: f.cells.map(publicCell) })));
    expect(notesOf(unzip(fs.readFileSync(annotated)), "基本支出表").get("D12")).toContain("测试用错误");
  });

  (engineReady ? it : it.skip)("with the real engine: npm run --silent check -- FILE --format json", () => {
    const o = outcomes.realJson;
    expect([0, 1]).toContain(o.code);
    const report = JSON.parse(o.stdout);
    expect(report.file).toBe(input);
    expect(report.tables.length).toBeGreaterThan(0);
    for (const t of report.tables) expect(Object.keys(t).sort()).toEqual(["kind", "range", "sheet", "title"]);
    expect(Array.isArray(report.findings)).toBe(true);
    expect(o.code).toBe(report.findings.some((f: { severity: string }) => f.severity === "error") ? 1 : 0);
  });

  (engineReady ? it : it.skip)(
    "with the real engine: no FILE checks the bundled sample and prints a text report",
    () => {
      const o = outcomes.realSample;
      expect(ownStderr(o)).toEqual([]);
      // The sample (石家庄 2023) has two known warnings and no errors (test/fixtures/README.md).
      expect(o.code).toBe(0);
      expect(o.stdout).toContain("Tables recognised: 9");
      expect(o.stdout).toContain("基本支出表!D12");
    },
  );
});
