/**
 * The `budget-check` bin as users run it: the prebuilt bundle (build/cli/budget-check.cjs, rebuilt here if stale,
 * as `npm run check` does) started from an unrelated folder on relative paths, and through `npm run check`.
 * Exit codes as the README documents them: 0 no error, 1 error findings / unknown code, 2 cannot read or bad usage.
 * All processes start at once in beforeAll; the tests inspect the outcomes.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fixturePath, loadFixture } from "../helpers/fixtures";
import { gridToXlsx } from "../helpers/grid-to-xlsx";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "build", "cli", "budget-check.cjs");

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** stderr without the npm noise some machines add ("npm warn …"). */
const ownStderr = (o: Outcome) => o.stderr.split("\n").filter((l) => l.trim() !== "" && !/^npm (warn|notice)/i.test(l));

describe("budget-check (the built bin)", () => {
  let dir: string;
  const o: Record<string, Outcome> = {};

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs"), "--if-stale"], { stdio: "inherit" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bin-"));
    fs.mkdirSync(path.join(dir, "tables"));
    // The sample (石家庄 2023: two warnings, no error) and a workbook with error findings (秦皇岛 2023 with one
    // 支出总表 amount changed by 1.00).
    fs.copyFileSync(fixturePath("shijiazhuang-social-insurance-2023"), path.join(dir, "tables", "ok.xlsx"));
    const wrong = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const expenditure = wrong.sheets.find((s) => s.name === "支出总表")!;
    expenditure.values[8][4] = (expenditure.values[8][4] as number) + 1;
    fs.writeFileSync(path.join(dir, "tables", "errors.xlsx"), await gridToXlsx(wrong));
    fs.writeFileSync(path.join(dir, "taken.xlsx"), "mine");
    // A folder for --catalogue in the pool's workers (the bundled check-worker.js), and a list with a name the
    // built-in data lacks (its initials come from pinyin-pro, outside the bundle).
    fs.mkdirSync(path.join(dir, "收件"));
    for (const f of ["a.xlsx", "b.xlsx"]) fs.copyFileSync(fixturePath("shanghai-putuo-social-work-final-2024"), path.join(dir, "收件", f));
    fs.writeFileSync(path.join(dir, "list.csv"), "科目编码,科目名称\n201,一般公共服务支出\n20139,社会工作事务\n2013901,行政运行\n2013960,基层治理事务\n");
    // Run by path, as the npm bin link runs it: the shebang and the executable bit must be right.
    const bin = (args: string[], env: NodeJS.ProcessEnv = {}) => run(BIN, args, dir, env);
    const runs: Record<string, Promise<Outcome>> = {
      relative: bin(["./tables/ok.xlsx", "--format", "json"]),
      // A parent npm's INIT_CWD does not redirect a bin run directly.
      staleInitCwd: bin(["tables/ok.xlsx", "--format", "json"], { INIT_CWD: ROOT }),
      // BUDGET_CHECK_DEBUG says whether the checker started from the code cache the build made.
      // V8 takes a cache only under the flags it was made with: a developer's NODE_OPTIONS would make it "rejected".
      cached: bin(["./tables/ok.xlsx", "--format", "json"], { BUDGET_CHECK_DEBUG: "1", NODE_OPTIONS: "" }),
      errors: bin(["tables/errors.xlsx", "--lang", "zh"]),
      missing: bin(["./tables/nope.xlsx"]),
      sample: bin([]),
      help: bin(["--help"]),
      badOption: bin(["--bogus"]),
      taken: bin(["tables/ok.xlsx", "--annotate", "taken.xlsx"]),
      catalogueHelp: bin(["catalogue", "--help"]),
      lookupHelp: bin(["catalogue", "lookup", "--help"]),
      lookup: bin(["catalogue", "lookup", "2080505", "--year", "2023", "--format", "json"]),
      unknownCode: bin(["catalogue", "lookup", "2089997", "--year", "2023"]),
      catalogueUsage: bin(["catalogue", "find", "208"]),
      batchCatalogue: bin(["收件", "--catalogue", "list.csv", "--year", "2024", "--jobs", "2", "--format", "json"]),
      searchImported: bin(["catalogue", "search", "jczlsw", "--year", "2024", "--catalogue", "list.csv", "--format", "json"]),
      // npm runs the script in the project folder; the path is meant from where npm was started.
      npmRun: run("npm", ["--prefix", ROOT, "run", "--silent", "check", "--", "./tables/ok.xlsx", "--format", "json"], dir),
    };
    const names = Object.keys(runs);
    const done = await Promise.all(names.map((n) => runs[n]));
    names.forEach((n, i) => (o[n] = done[i]));
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("checks a relative path from the folder it is run in: exit 0 for warnings only", () => {
    expect(o.relative.code).toBe(0);
    expect(ownStderr(o.relative)).toEqual([]);
    const report = JSON.parse(o.relative.stdout);
    expect(report.file).toBe("./tables/ok.xlsx");
    expect(report.tables).toHaveLength(9);
    expect(JSON.parse(o.staleInitCwd.stdout).file).toBe("tables/ok.xlsx");
  });

  it("starts the checker from the code cache the build made, with the same report", () => {
    expect(ownStderr(o.cached)).toEqual(["code cache: used"]);
    expect(o.cached.stdout).toBe(o.relative.stdout);
    // The bin runs the checker as a vm script, where node 20 has no working import(): the bundle must not use it.
    expect(fs.readFileSync(path.join(ROOT, "build", "cli", "checker.cjs"), "utf8")).not.toMatch(/\bimport\s*\(/);
  });

  it("exit 1 for error findings; --lang zh shows table names, no kind ids", () => {
    expect(o.errors.code).toBe(1);
    expect(o.errors.stdout).toContain("错误");
    expect(o.errors.stdout).toContain("[收支总表]");
    expect(o.errors.stdout).not.toMatch(/\[[a-z]+(-[a-z]+)*\]/);
    expect(o.errors.stdout).not.toMatch(/Tables recognised|expected|error \d/);
  });

  it("a missing file: exit 2, one line naming the full path it tried", () => {
    expect(o.missing.code).toBe(2);
    expect(ownStderr(o.missing)).toEqual([
      `无法读取文件 ${path.join(dir, "tables", "nope.xlsx")}：文件不存在 / Cannot read ${path.join(dir, "tables", "nope.xlsx")}: file not found`,
    ]);
  });

  it("no FILE checks the bundled sample wherever it is run", () => {
    expect(o.sample.code).toBe(0);
    expect(o.sample.stdout).toContain("Tables recognised: 9");
  });

  it("--help exits 0 and names the bin; bad usage exits 2 with one line", () => {
    expect(o.help.code).toBe(0);
    expect(o.help.stdout).toContain("budget-check [FILE.xlsx]");
    expect(o.help.stdout).toContain("--force");
    expect(o.badOption.code).toBe(2);
    expect(ownStderr(o.badOption)).toHaveLength(1);
  });

  it("--annotate refuses an existing file without --force: exit 2, one line, the file kept", () => {
    expect(o.taken.code).toBe(2);
    expect(ownStderr(o.taken)).toHaveLength(1);
    expect(o.taken.stderr).toContain("add --force");
    expect(o.taken.stdout).toBe("");
    expect(fs.readFileSync(path.join(dir, "taken.xlsx"), "utf8")).toBe("mine");
  });

  it("catalogue: --help at both levels exits 0; lookup 0 / unknown 1 / bad usage 2", () => {
    expect(o.catalogueHelp.code).toBe(0);
    expect(o.catalogueHelp.stdout).toContain("catalogue search TEXT");
    expect(o.lookupHelp.code).toBe(0);
    expect(o.lookupHelp.stdout).toContain("catalogue lookup CODE");
    expect(o.lookup.code).toBe(0);
    expect(JSON.parse(o.lookup.stdout)).toMatchObject({ code: "2080505", level: "项", year: 2023 });
    expect(o.unknownCode.code).toBe(1);
    expect(o.unknownCode.stderr).toContain("2089997");
    expect(o.catalogueUsage.code).toBe(2);
  });

  it("--catalogue reaches the pool's workers; imported names are searched by pinyin initials", () => {
    const batch = JSON.parse(o.batchCatalogue.stdout) as { files: { file: string; findings: { rule: string; actual?: string }[] }[] };
    // 2013950 (printed in the 普陀 决算) is missing from the list's complete 款 20139: an error in each file.
    for (const f of batch.files) expect(f.findings.filter((x) => x.rule === "catalogue.unknown-code").map((x) => x.actual)).toContain("2013950");
    expect(batch.files).toHaveLength(2);
    expect([o.batchCatalogue.code, ownStderr(o.batchCatalogue)]).toEqual([1, []]);
    expect((JSON.parse(o.searchImported.stdout) as { code: string }[]).map((e) => e.code)).toEqual(["2013960"]);
    expect(o.searchImported.code).toBe(0);
  });

  it("npm run check resolves the path from where npm was started (INIT_CWD)", () => {
    expect(o.npmRun.code).toBe(0);
    expect(JSON.parse(o.npmRun.stdout).file).toBe("./tables/ok.xlsx");
  });
});

describe("budget-check when its checker bundle is not whole", () => {
  let dir: string;
  const sample = path.join(ROOT, "assets", "sample.xlsx");
  /** The bin and its files copied, with checker.cjs replaced by `checker` (or removed when null). */
  function copyWith(name: string, checker: string | null): string {
    const to = path.join(dir, name);
    fs.cpSync(path.dirname(BIN), to, { recursive: true });
    if (checker === null) fs.rmSync(path.join(to, "checker.cjs"));
    else fs.writeFileSync(path.join(to, "checker.cjs"), checker);
    return path.join(to, "budget-check.cjs");
  }
  const lines = (o: Outcome) => o.stderr.split("\n").filter((l) => l.trim() !== "");

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs"), "--if-stale"], { stdio: "inherit" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bin-whole-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("empty, cut between statements, cut inside one, or missing: exit 2 and one line naming checker.cjs, never a silent exit 0", async () => {
    const whole = fs.readFileSync(path.join(path.dirname(BIN), "checker.cjs"), "utf8");
    const at = whole.indexOf("\n", whole.length >> 1) + 1;
    const cases = {
      empty: copyWith("empty", ""),
      betweenStatements: copyWith("between", whole.slice(0, whole.lastIndexOf("\n}", at) + 3)),
      insideOne: copyWith("inside", whole.slice(0, at + 7)),
      missing: copyWith("missing", null),
    };
    for (const [name, bin] of Object.entries(cases)) {
      const o = await run(process.execPath, [bin, sample, "--format", "json"], dir);
      expect({ name, code: o.code, stdout: o.stdout }).toEqual({ name, code: 2, stdout: "" });
      expect(lines(o)).toHaveLength(1);
      expect(lines(o)[0]).toContain(path.join(path.dirname(bin), "checker.cjs"));
    }
  });

  it("started through a link to the bin whose path node keeps (--preserve-symlinks-main), it finds its checker", async () => {
    const linkDir = path.join(dir, "node_modules", ".bin");
    fs.mkdirSync(linkDir, { recursive: true });
    const link = path.join(linkDir, "budget-check");
    fs.symlinkSync(BIN, link);
    const o = await run(process.execPath, ["--preserve-symlinks-main", link, "catalogue", "lookup", "2080505", "--year", "2023"], dir);
    expect(o.code).toBe(0);
    expect(o.stdout).toContain("2080505");
  });
});
