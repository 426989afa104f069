import { publicCell, type PublicFinding } from "../../src/core/finding";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CheckResult, Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { runCheck, USAGE, type CheckDeps } from "../../src/cli/run-check";
import { WorkbookReadError } from "../../src/cli/workbook-read-error";
import { bundledSamplePath } from "../../src/cli/sample";
import { KIND_NAMES } from "../../src/core/document/style";
import { toA1 } from "../../src/core/address";
import { identitiesFor, recogniseAll } from "../../src/core/engine";
import { listRules } from "../../src/core/profiles";
import { loadFixture } from "../helpers/fixtures";

const warning: Finding = {
  rule: "cross.basic-function",
  severity: "warning",
  message: "30110 职工基本医疗保险缴费与 2101101+2101102 基本支出不一致",
  messageEn: "30110 does not match 2101101 + 2101102 basic expenditure",
  cells: [
    { sheet: "基本支出表", row: 11, col: 3 },
    { sheet: "一般公共预算支出表", row: 19, col: 4 },
  ],
  expected: "150.62",
  actual: "84.50",
};

const error: Finding = {
  rule: "hierarchy.sum",
  severity: "error",
  message: "类合计与所属款之和不符",
  messageEn: "Class total does not equal the sum of its items",
  cells: [
    { sheet: "支出总表", row: 6, col: 3 },
    { sheet: "支出总表", row: 7, col: 3 },
    { sheet: "支出总表", row: 8, col: 3 },
  ],
  expected: "2185.92",
  actual: "2185.93",
  // Engine-internal extras must not reach the JSON output.
  ...({ internal: 42 } as object),
};

const info: Finding = {
  rule: "cell.number-as-text",
  severity: "info",
  message: "数字以文本形式存储",
  messageEn: "Number stored as text",
  cells: [{ sheet: "收支总表", row: 6, col: 1 }],
};

const tables = [
  { sheet: "收支总表", kind: "summary", range: "A1:E39", title: "单位预算收支总表" },
  { sheet: "支出总表", kind: "expenditure", range: "A1:I23", title: "单位预算支出总表" },
  { sheet: "基本支出表", kind: "basic-expenditure", range: "A1:F32", title: "单位预算一般公共预算财政拨款基本支出表" },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  checked: GridWorkbook[];
  annotated: { input: string; output: string; findings: readonly Finding[] }[];
  read: string[];
}

async function run(argv: string[], result: CheckResult, overrides: Partial<CheckDeps> = {}): Promise<Run> {
  const r: Run = { code: -1, stdout: "", stderr: "", checked: [], annotated: [], read: [] };
  r.code = await runCheck(argv, {
    cwd: "/work/budget",
    samplePath: "/opt/checker/assets/sample.xlsx",
    debug: false,
    readWorkbook: async (file) => {
      r.read.push(file);
      return { name: path.basename(file), sheets: [{ name: "S", values: [[1]], merges: [] }] };
    },
    check: (wb) => {
      r.checked.push(wb);
      return result;
    },
    annotate: async (input, output, findings) => {
      r.annotated.push({ input, output, findings });
      return { marked: 3, noted: 1, skipped: [], unnoted: [], staleNotes: 0 };
    },
    stdout: (t) => void (r.stdout += t),
    stderr: (t) => void (r.stderr += t),
    ...overrides,
  });
  return r;
}

describe("runCheck exit codes", () => {
  it("0 when there are no findings", async () => {
    const r = await run(["a.xlsx"], { tables, findings: [] });
    expect(r.code).toBe(0);
    expect(r.read).toEqual(["/work/budget/a.xlsx"]);
    expect(r.stderr).toBe("");
  });

  it("0 with warnings and infos only", async () => {
    expect((await run(["a.xlsx"], { tables, findings: [warning, info] })).code).toBe(0);
  });

  it("1 when any finding is an error", async () => {
    expect((await run(["a.xlsx"], { tables, findings: [warning, error] })).code).toBe(1);
  });

  it("2 with a one-line message when the file cannot be read", async () => {
    const r = await run(
      ["bad.xlsx"],
      { tables, findings: [] },
      {
        readWorkbook: async (f) => {
          throw new WorkbookReadError(f, "corrupt", "stack-ish\n detail");
        },
      },
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "无法读取文件 bad.xlsx：文件已损坏、不完整或无法解析 / Cannot read bad.xlsx: the file is corrupt, truncated or could not be parsed\n",
    );
  });

  it("2 with one line, no stack, when the engine throws", async () => {
    const r = await run(
      ["a.xlsx"],
      { tables, findings: [] },
      {
        check: () => {
          throw new Error("boom\n  at somewhere");
        },
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("boom");
    expect(r.stderr).not.toContain("at somewhere");
  });

  it.each([
    [["--format", "xml", "a.xlsx"], "--format"],
    [["--bogus", "a.xlsx"], "bogus"],
    // Several files are a batch now (issue 19); its own options are checked as strictly.
    [["a.xlsx", "b.xlsx", "--shard", "4/3"], "--shard"],
    [["a.xlsx", "b.xlsx", "--jobs", "0"], "--jobs"],
    [["a.xlsx", "b.xlsx", "--annotate", "out.xlsx"], "--annotate"],
    [["--lang", "fr"], "--lang"],
    [["--year", "23"], "--year"],
    [["a.xlsx", "--annotate", "out.csv"], ".xlsx"],
  ])("2 for bad usage %j", async (argv, mention) => {
    const r = await run(argv, { tables, findings: [] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(mention);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.read).toEqual([]);
  });
});

describe("runCheck options", () => {
  it("--help prints the usage and exits 0", async () => {
    const r = await run(["--help"], { tables, findings: [] });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(USAGE);
    expect(r.read).toEqual([]);
  });

  it("checks the bundled sample when no FILE is given", async () => {
    const r = await run([], { tables, findings: [] });
    expect(r.read).toEqual(["/opt/checker/assets/sample.xlsx"]);
    expect(r.stdout).toContain("/opt/checker/assets/sample.xlsx");
  });

  it("the bundled sample ships with the source and resolves independently of the cwd", () => {
    const p = bundledSamplePath();
    expect(path.isAbsolute(p)).toBe(true);
    expect(fs.existsSync(p)).toBe(true);
  });

  it("passes --year to the engine", async () => {
    let seen: unknown;
    await run(
      ["a.xlsx", "--year", "2023"],
      { tables, findings: [] },
      {
        check: (_wb, options) => {
          seen = options;
          return { tables, findings: [] };
        },
      },
    );
    expect(seen).toEqual({ year: 2023 });
  });
});

describe("--format json", () => {
  it("prints exactly one JSON object with file, tables and findings in the spec format", async () => {
    const r = await run(["dir/unit.xlsx", "--format", "json"], { tables, findings: [info, warning, error] });
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["file", "tables", "findings"]);
    expect(out.file).toBe("dir/unit.xlsx");
    expect(out.tables).toEqual(tables);
    // Sorted: errors first, then warnings, then infos.
    expect(out.findings.map((f: Finding) => f.severity)).toEqual(["error", "warning", "info"]);
    expect(out.findings[0]).toEqual({
      rule: "hierarchy.sum",
      severity: "error",
      message: error.message,
      messageEn: error.messageEn,
      cells: error.cells.map(publicCell),
      expected: "2185.92",
      actual: "2185.93",
    });
    expect(out.findings[2]).not.toHaveProperty("expected");
    expect(r.code).toBe(1);
  });

  it("keeps stdout pure JSON when annotating (the confirmation goes to stderr)", async () => {
    const r = await run(["a.xlsx", "-f", "json", "--annotate", "marked.xlsx"], { tables, findings: [warning] });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toContain("marked.xlsx");
    expect(r.annotated).toEqual([
      { input: "/work/budget/a.xlsx", output: "/work/budget/marked.xlsx", findings: [warning] },
    ]);
  });
});

describe("--format text", () => {
  it("reports tables, counts by severity and each finding grouped by table, zh-CN with English", async () => {
    const r = await run(["unit.xlsx"], { tables, findings: [info, warning, error] });
    const t = r.stdout;
    expect(t).toContain("文件 / File: unit.xlsx");
    expect(t).toContain("识别的表格 / Tables recognised: 3");
    expect(t).toContain("支出总表!A1:I23  [支出总表 expenditure]  单位预算支出总表");
    expect(t).toContain("错误 error 1 · 警告 warning 1 · 提示 info 1");
    // Grouped under their tables in workbook order.
    const iSummary = t.indexOf("【收支总表】单位预算收支总表");
    const iExp = t.indexOf("【支出总表】单位预算支出总表");
    const iBasic = t.indexOf("【基本支出表】");
    expect(iSummary).toBeGreaterThan(0);
    expect(iExp).toBeGreaterThan(iSummary);
    expect(iBasic).toBeGreaterThan(iExp);
    expect(t).toContain("[错误 error] 支出总表!D7  (hierarchy.sum)");
    expect(t).toContain(error.message);
    expect(t).toContain(error.messageEn);
    expect(t).toContain("应为 expected 2185.92；实为 actual 2185.93");
    expect(t).toContain("涉及单元格 / Cells read: D8, D9");
    expect(t).toContain("一般公共预算支出表!E20");
    expect(r.code).toBe(1);
  });

  it("says so when nothing is wrong", async () => {
    const r = await run(["unit.xlsx"], { tables, findings: [] });
    expect(r.stdout).toContain("未发现问题。 / No problems found.");
  });

  it("--lang en and --lang zh print one language", async () => {
    const en = (await run(["u.xlsx", "--lang", "en"], { tables, findings: [error] })).stdout;
    expect(en).toContain(error.messageEn);
    expect(en).not.toContain(error.message);
    expect(en).not.toMatch(/[\u4e00-\u9fff]{2,}[^\n]*expected/);
    const zh = (await run(["u.xlsx", "--lang", "zh"], { tables, findings: [error] })).stdout;
    expect(zh).toContain(error.message);
    expect(zh).not.toContain(error.messageEn);
  });

  it("--lang zh names every table kind in Chinese and prints no kind id", async () => {
    const every = Object.keys(KIND_NAMES).map((kind, i) => ({
      sheet: `表${i}`,
      kind,
      range: "A1:C9",
      title: `单位预算表${i}`,
    }));
    const onEach: Finding[] = every.map((t) => ({ ...error, cells: [{ sheet: t.sheet, row: 4, col: 1 }] }));
    const zh = (await run(["u.xlsx", "--lang", "zh"], { tables: every, findings: onEach })).stdout;
    for (const kind of Object.keys(KIND_NAMES)) expect(zh).not.toContain(kind === "other" ? "[other]" : kind);
    expect(zh).toContain("[一般公共预算支出表]");
    expect(zh).toContain("[其他表（不检查）]");
    // Both languages keep the id beside the name (it is what JSON and --disable use); English prints the id.
    const both = (await run(["u.xlsx"], { tables: every, findings: [] })).stdout;
    expect(both).toContain("[一般公共预算支出表 general-expenditure]");
    const en = (await run(["u.xlsx", "--lang", "en"], { tables: every, findings: [] })).stdout;
    expect(en).toContain("[general-expenditure]");
    expect(en).not.toContain("一般公共预算支出表]");
  });

  it("lists findings outside any recognised table under their sheet", async () => {
    const stray: Finding = { ...warning, cells: [{ sheet: "备注", row: 0, col: 0 }] };
    const r = await run(["u.xlsx"], { tables, findings: [stray] });
    expect(r.stdout).toContain("【备注】表格之外 / outside the recognised tables");
  });
});

describe("--annotate", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "run-check-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses to overwrite the input (same path spelled differently)", async () => {
    const r = await run(["book.xlsx", "--annotate", "./sub/../book.xlsx"], { tables, findings: [] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--annotate");
    expect(r.read).toEqual([]);
    expect(r.annotated).toEqual([]);
  });

  it("refuses to overwrite the input through a link", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, "x");
    fs.symlinkSync(input, path.join(dir, "link.xlsx"));
    const r = await run([input, "--annotate", path.join(dir, "link.xlsx")], { tables, findings: [] });
    expect(r.code).toBe(2);
    expect(fs.readFileSync(input, "utf8")).toBe("x");
  });

  it("writes the copy after the report and keeps the exit code of the findings", async () => {
    const r = await run(["book.xlsx", "--annotate", "out.xlsx"], { tables, findings: [error] });
    expect(r.code).toBe(1);
    expect(r.annotated[0].output).toBe("/work/budget/out.xlsx");
    expect(r.stdout).toContain("已写入标注副本 out.xlsx");
  });

  it("takes the macro-enabled and template kinds' names for the copy; the annotator's own Chinese reason is on the line", async () => {
    const r = await run(["book.xlsm", "--annotate", "out.xlsm"], { tables, findings: [error] });
    expect(r.annotated[0].output).toBe("/work/budget/out.xlsm");
    const refused = await run(["book.xlsm", "--annotate", "out.xlsx", "--lang", "zh"], { tables, findings: [error] }, {
      annotate: async () => {
        throw Object.assign(new Error("the file is a macro-enabled workbook: name the copy .xlsm"), { zh: "该文件是启用宏的工作簿，副本须以 .xlsm 结尾" });
      },
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split("\n")).toEqual([
      "无法写入标注副本 out.xlsx：该文件是启用宏的工作簿，副本须以 .xlsm 结尾 / Cannot write the annotated copy out.xlsx: the file is a macro-enabled workbook: name the copy .xlsm",
    ]);
  });

  it("refuses an existing output without --force: exit 2, one line, nothing read or written", async () => {
    const out = path.join(dir, "exists.xlsx");
    fs.writeFileSync(out, "mine");
    const r = await run(["book.xlsx", "--annotate", out], { tables, findings: [error] });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${out} already exists; add --force`);
    expect(r.stdout).toBe("");
    expect(r.read).toEqual([]);
    expect(r.annotated).toEqual([]);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
  });

  it("--force replaces an existing file (and says so to the writer)", async () => {
    const out = path.join(dir, "replace.xlsx");
    fs.writeFileSync(out, "old");
    const seen: boolean[] = [];
    const r = await run(
      ["book.xlsx", "--annotate", out, "--force"],
      { tables, findings: [] },
      {
        annotate: async (_i, _o, _f, _l, overwrite) => {
          seen.push(overwrite);
          return { marked: 0, noted: 0, skipped: [], unnoted: [], staleNotes: 0 };
        },
      },
    );
    expect(r.code).toBe(0);
    expect(seen).toEqual([true]);
    // Without --force the writer is told not to replace anything (it links, never renames, over a name).
    seen.length = 0;
    await run(["book.xlsx", "--annotate", path.join(dir, "new.xlsx")], { tables, findings: [] }, {
      annotate: async (_i, _o, _f, _l, overwrite) => {
        seen.push(overwrite);
        return { marked: 0, noted: 0, skipped: [], unnoted: [], staleNotes: 0 };
      },
    });
    expect(seen).toEqual([false]);
  });

  it("--force still never overwrites the input", async () => {
    const r = await run(["book.xlsx", "--annotate", "book.xlsx", "--force"], { tables, findings: [] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("must not overwrite the checked file");
  });

  it("refuses a FIFO or a folder as output, even with --force", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    const made = spawnSync("mkfifo", [fifo]);
    const folder = path.join(dir, "folder.xlsx");
    fs.mkdirSync(folder);
    const targets = made.status === 0 ? [fifo, folder] : [folder];
    for (const target of targets) {
      const r = await run(["book.xlsx", "--annotate", target, "--force"], { tables, findings: [] });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`the output ${target} is not a regular file`);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.read).toEqual([]);
    }
  });

  it("--force without --annotate is bad usage", async () => {
    const r = await run(["book.xlsx", "--force"], { tables, findings: [] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--force only goes with --annotate");
  });

  it("says which marked cells got no note because they hold a threaded comment", async () => {
    const cell = { sheet: "支出总表", row: 8, col: 4 };
    const r = await run(
      ["book.xlsx", "--annotate", "out.xlsx"],
      { tables, findings: [error] },
      { annotate: async () => ({ marked: 1, noted: 0, skipped: [], unnoted: [{ cell, reason: "threaded-comment" as const }], staleNotes: 0 }) },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("1 marked cells hold a threaded comment: filled, no note added");
  });

  it("says when the input carries notes of an earlier check on cells this one finds nothing wrong with", async () => {
    const r = await run(["book.xlsx", "--annotate", "out.xlsx"], { tables, findings: [error] }, {
      annotate: async () => ({ marked: 1, noted: 1, skipped: [], unnoted: [], staleNotes: 3 }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("3 cells keep the notes and fills of an earlier check though nothing is wrong there now: annotate the original workbook for a clean copy");
  });

  it("exits 2 with one line when the copy cannot be written", async () => {
    const r = await run(
      ["book.xlsx", "--annotate", "out.xlsx"],
      { tables, findings: [] },
      {
        annotate: async () => {
          throw new Error("EACCES: permission denied, open '/work/budget/out.xlsx'");
        },
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("EACCES");
  });
});

describe("rule profiles and CSV (issue 9)", () => {
  it("passes --profile and every --disable to the checker", async () => {
    const seen: unknown[] = [];
    const r = await run(["a.xlsx", "--profile", "strict", "--disable", "cross.", "--disable", "cell.number-as-text"], { tables, findings: [] }, {
      check: (_wb, options) => {
        seen.push(options.profile);
        return { tables, findings: [] };
      },
    });
    expect(r.code).toBe(0);
    expect(seen).toEqual([{ name: "strict", disabled: ["cross.", "cell.number-as-text"] }]);
  });

  it("--disable alone uses the default profile; no flag means no profile at all", async () => {
    const seen: unknown[] = [];
    const check: CheckDeps["check"] = (_wb, options) => {
      seen.push(options.profile);
      return { tables, findings: [] };
    };
    await run(["a.xlsx", "--disable", "document"], { tables, findings: [] }, { check });
    await run(["a.xlsx"], { tables, findings: [] }, { check });
    expect(seen).toEqual([{ name: "default", disabled: ["document"] }, undefined]);
  });

  it("an unknown profile or rule is a usage error (exit 2), before anything is read", async () => {
    for (const argv of [["a.xlsx", "--profile", "lenient"], ["a.xlsx", "--disable", "no.such-rule"]]) {
      const r = await run(argv, { tables, findings: [] });
      expect(r.code).toBe(2);
      expect(r.read).toEqual([]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("--format csv prints the findings as CSV with a BOM and a header row", async () => {
    const r = await run(["a.xlsx", "--format", "csv"], { tables, findings: [warning, error] });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith("\ufeff")).toBe(true);
    const lines = r.stdout.replace(/^\ufeff/, "").trim().split(/\r?\n/);
    expect(lines[0]).toContain("rule");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("cross.basic-function");
  });
});

describe("--tolerance (issue 17)", () => {
  /** The clean 秦皇岛 workbook with one leaf amount 0.01 higher: every sum reading it is off by 0.01. */
  async function nudged(): Promise<{ wb: GridWorkbook; cell: string }> {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const counts = new Map<string, { sheet: string; row: number; col: number; n: number }>();
    for (const i of identitiesFor(recogniseAll(wb)))
      for (const c of i.right) {
        const k = `${c.sheet}!${c.row}!${c.col}`;
        counts.set(k, { ...c, n: (counts.get(k)?.n ?? 0) + 1 });
      }
    const leaf = [...counts.values()].find((c) => c.n >= 2 && typeof wb.sheets.find((s) => s.name === c.sheet)!.values[c.row]?.[c.col] === "number")!;
    const values = wb.sheets.find((s) => s.name === leaf.sheet)!.values;
    values[leaf.row][leaf.col] = Number(((values[leaf.row][leaf.col] as number) + 0.01).toFixed(2));
    return { wb, cell: `${leaf.sheet}!${toA1(leaf.row, leaf.col)}` };
  }

  async function check(argv: string[]): Promise<{ code: number; stderr: string; findings: PublicFinding[] }> {
    const { wb } = await nudged();
    let stdout = "";
    let stderr = "";
    const code = await runCheck(["nudged.xlsx", "--format", "json", ...argv], {
      cwd: "/work/budget",
      readWorkbook: async () => wb,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    });
    // The JSON's cells are A1 text (spec §3).
    return { code, stderr, findings: stdout ? (JSON.parse(stdout) as { findings: PublicFinding[] }).findings : [] };
  }

  const sums = (findings: PublicFinding[]) => findings.filter((f) => ["sum", "cross"].includes(groupOf(f.rule)));
  const groupOf = (rule: string) => listRules().find((r) => r.id === rule)!.group;

  it("a 0.01 difference is reported without it, and with less; with --tolerance 0.01 it is a note", async () => {
    const { cell } = await nudged();
    const strict = await check([]);
    const flagged = sums(strict.findings).filter((f) => f.severity !== "info");
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.some((f) => `${f.cells[0].sheet}!${f.cells[0].address}` === cell)).toBe(true);
    expect(strict.code).toBe(flagged.some((f) => f.severity === "error") ? 1 : 0);

    expect(sums((await check(["--tolerance", "0.009"])).findings)).toEqual(sums(strict.findings));

    const tolerant = await check(["--tolerance", "0.01"]);
    expect(tolerant.code).toBe(0);
    expect(sums(tolerant.findings).filter((f) => f.severity !== "info")).toEqual([]);
    // The same findings, listed as notes.
    expect(sums(tolerant.findings).map((f) => [f.rule, f.cells[0].address])).toEqual(sums(strict.findings).map((f) => [f.rule, f.cells[0].address]));
  });

  it("passes the tolerance in the profile; a bad amount is a usage error before anything is read", async () => {
    const seen: unknown[] = [];
    await run(["a.xlsx", "--tolerance", "0.50"], { tables, findings: [] }, {
      check: (_wb, options) => {
        seen.push(options.profile);
        return { tables, findings: [] };
      },
    });
    expect(seen).toEqual([{ name: "default", disabled: [], tolerance: "0.5" }]);
    for (const bad of ["-1", "abc", "1e3", ""]) {
      const r = await run(["a.xlsx", "--tolerance", bad], { tables, findings: [] });
      expect([bad, r.code, r.read]).toEqual([bad, 2, []]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("is in the usage", () => {
    expect(USAGE).toContain("--tolerance AMOUNT");
  });
});
