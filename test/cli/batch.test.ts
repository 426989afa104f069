/**
 * The CLI on generated folders (issue 19): a department and its three units, read from real .xlsx files and checked
 * by the real engine; shards merged; a corrupt file among good ones.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { runCheck } from "../../src/cli/run-check";
import { asDepartment, asUnit, inYuan, scaledAmounts, writeWorkbook } from "../helpers/bureau";
import { loadFixture } from "../helpers/fixtures";
import { setAmount } from "../helpers/variants";

const DEPT = "秦皇岛经济技术开发区人力资源和社会保障局";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(cwd: string, argv: string[]): Promise<Run> {
  const r: Run = { code: -1, stdout: "", stderr: "" };
  r.code = await runCheck(argv, { cwd, stdout: (t) => void (r.stdout += t), stderr: (t) => void (r.stderr += t), stderrIsTTY: false });
  return r;
}

interface JsonBatch {
  shard?: string;
  files: Array<{ file: string; tables?: unknown[]; findings?: Finding[]; error?: string; workbook?: unknown }>;
  findings: Finding[];
}

let root: string;
let unit: GridWorkbook;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-"));
  unit = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
  // A department of three units that agree: amounts ×1, ×2, ×3 (the third stated in 元), the department ×6.
  const clean = path.join(root, "clean");
  await writeWorkbook(path.join(clean, "部门.xlsx"), asDepartment(scaledAmounts(unit, 6), DEPT));
  await writeWorkbook(path.join(clean, "单位A.xlsx"), asUnit(unit, "社会保险管理中心", DEPT));
  await writeWorkbook(path.join(clean, "单位B.xlsx"), asUnit(scaledAmounts(unit, 2), "就业服务中心", DEPT));
  await writeWorkbook(path.join(clean, "sub", "单位C.xlsx"), asUnit(inYuan(scaledAmounts(unit, 3)), "劳动保障监察大队", DEPT));
  // Not workbooks of the batch: Excel's lock file and a hidden file.
  fs.writeFileSync(path.join(clean, "~$部门.xlsx"), "lock");
  fs.writeFileSync(path.join(clean, ".hidden.xlsx"), "hidden");
  // The same folder with one amount of unit B changed (支出总表, 2080109 基本支出, E9).
  const changed = path.join(root, "changed");
  fs.cpSync(clean, changed, { recursive: true });
  await writeWorkbook(path.join(changed, "单位B.xlsx"), setAmount(asUnit(scaledAmounts(unit, 2), "就业服务中心", DEPT), "支出总表", "E9", 2916.74));
  // Units without a 预算主管部门 line: matched by a mapping file, one unit missing.
  const mapped = path.join(root, "mapped");
  await writeWorkbook(path.join(mapped, "dept.xlsx"), asDepartment(scaledAmounts(unit, 3), DEPT));
  await writeWorkbook(path.join(mapped, "u1.xlsx"), asUnit(unit, "单位一"));
  await writeWorkbook(path.join(mapped, "u2.xlsx"), asUnit(scaledAmounts(unit, 2), "单位二"));
  fs.writeFileSync(path.join(mapped, "map.csv"), "单位工作簿,部门\nu1.xlsx,dept.xlsx\nu2.xlsx,dept.xlsx\n");
  fs.writeFileSync(path.join(mapped, "map-missing.csv"), "unit,department\nu1.xlsx,dept.xlsx\nu2.xlsx,dept.xlsx\nu3.xlsx,dept.xlsx\n");
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const json = (r: Run): JsonBatch => JSON.parse(r.stdout) as JsonBatch;
const fileErrors = (b: JsonBatch) => b.files.flatMap((f) => (f.findings ?? []).filter((x) => x.severity === "error"));

describe("a department and its units", () => {
  it("walks the folder (sorted, lock and hidden files skipped) and finds nothing when the units add up", async () => {
    const r = await cli(root, ["clean", "--format", "json", "--jobs", "1"]);
    const b = json(r);
    expect(b.files.map((f) => f.file)).toEqual(["clean/sub/单位C.xlsx", "clean/单位A.xlsx", "clean/单位B.xlsx", "clean/部门.xlsx"]);
    expect(fileErrors(b)).toEqual([]);
    expect(b.findings.filter((f) => f.rule.startsWith("workbooks."))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("catches one changed unit amount, naming the department's cell and the unit's, each with its file", async () => {
    const r = await cli(root, ["changed", "--format", "json", "--jobs", "1"]);
    const b = json(r);
    const sums = b.findings.filter((f) => f.rule === "workbooks.department-sum");
    expect(sums).toHaveLength(1);
    const [f] = sums;
    expect(f.severity).toBe("error");
    expect(f.cells[0]).toEqual({ file: "changed/部门.xlsx", sheet: "支出总表", address: "E9" });
    expect(f.cells).toEqual(
      expect.arrayContaining([
        { file: "changed/单位A.xlsx", sheet: "支出总表", address: "E9" },
        { file: "changed/单位B.xlsx", sheet: "支出总表", address: "E9" },
        { file: "changed/sub/单位C.xlsx", sheet: "支出总表", address: "E9" },
      ]),
    );
    // 1457.87 × 6 stated; the units now give 1457.87 + 2916.74 + 43736100 元 (C, converted to 万元).
    expect(f.expected).toBe("8748.22");
    expect(f.actual).toBe("8747.22");
    expect(f.message).toContain("[changed/部门.xlsx]支出总表!E9");
    expect(r.code).toBe(1);
  });

  it("lists the cross-workbook finding in the text report (file-qualified cells) and in the CSV's file column", async () => {
    const text = await cli(root, ["changed", "--jobs", "1", "--lang", "en"]);
    expect(text.stdout).toContain("Across workbooks");
    expect(text.stdout).toMatch(/\[changed\/部门\.xlsx\]支出总表!E9 .*workbooks\.department-sum/);
    expect(text.stdout).toMatch(/Total: 4 files · error \d+ · warning \d+ · info \d+/);
    const csv = await cli(root, ["changed", "--jobs", "1", "--format", "csv"]);
    const rows = csv.stdout.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(rows[0].startsWith("文件/file,严重程度/severity,规则/rule")).toBe(true);
    const cross = rows.find((l) => l.includes("workbooks.department-sum"))!;
    expect(cross.startsWith("changed/部门.xlsx,错误/error,workbooks.department-sum,支出总表,E9,")).toBe(true);
    expect(cross).toContain("[changed/单位B.xlsx]支出总表!E9");
    // The unit's own sums that read E9 fold into one finding there (issue 14), listed with its file.
    expect(rows.filter((l) => l.startsWith("changed/单位B.xlsx,错误/error,table.columns-sum,支出总表,E9,")).length).toBe(1);
  });

  it("one summary row per file: unit, year, set, scope, counts and status", async () => {
    const r = await cli(root, ["changed", "--jobs", "1", "--summary", "csv"]);
    const rows = r.stdout.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(rows[0]).toBe("文件/file,单位/unit,年度/year,预算或决算/set,部门或单位/scope,表数/tables,错误/errors,警告/warnings,提示/infos,状态/status");
    expect(rows[2]).toMatch(/^changed\/单位A\.xlsx,社会保险管理中心,2023,预算,单位,9,0,0,0,通过\/ok$/);
    expect(rows[3]).toMatch(/^changed\/单位B\.xlsx,就业服务中心,2023,预算,单位,9,[1-9]\d*,\d+,\d+,有错误\/errors$/);
    // The department row counts the cross-workbook error blamed on its cell.
    expect(rows[4]).toMatch(new RegExp(`^changed/部门\\.xlsx,${DEPT},2023,预算,部门,9,1,\\d+,\\d+,有错误/errors$`));
  });

  it("matches units by a mapping file, and says which totals cannot be compared when a unit is missing", async () => {
    const ok = json(await cli(path.join(root, "mapped"), [".", "--format", "json", "--jobs", "1", "--units", "map.csv"]));
    expect(ok.findings.filter((f) => f.rule.startsWith("workbooks."))).toEqual([]);
    const missing = json(await cli(path.join(root, "mapped"), [".", "--format", "json", "--jobs", "1", "--units", "map-missing.csv"]));
    const infos = missing.findings.filter((f) => f.rule === "workbooks.department-incomplete");
    expect(infos).toHaveLength(1);
    expect(infos[0].severity).toBe("info");
    expect(infos[0].message).toContain("u3.xlsx");
    expect(infos[0].cells[0].file).toBe("dept.xlsx");
    // Without the mapping the units name no department: nothing is compared, nothing claimed.
    const none = json(await cli(path.join(root, "mapped"), [".", "--format", "json", "--jobs", "1"]));
    expect(none.findings).toEqual([]);
  });
});

describe("shards and merge", () => {
  it("shards 1/3 + 2/3 + 3/3 merged equal one run", async () => {
    const one = await cli(root, ["changed", "clean/部门.xlsx", "--format", "json", "--jobs", "1"]);
    const outs: string[] = [];
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await cli(root, ["changed", "clean/部门.xlsx", "--format", "json", "--jobs", "1", "--shard", `${k}/3`]);
      const b = json(r);
      expect(b.shard).toBe(`${k}/3`);
      expect(b.findings).toEqual([]);
      expect(b.files.every((f) => f.workbook !== undefined)).toBe(true);
      seen.push(...b.files.map((f) => f.file));
      const out = path.join(root, `shard-${k}.json`);
      fs.writeFileSync(out, r.stdout);
      outs.push(out);
    }
    expect(seen.sort()).toEqual(json(one).files.map((f) => f.file).sort());
    const merged = await cli(root, ["merge", ...outs.reverse(), "--format", "json"]);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(one.code);
    expect(json(one).findings.some((f) => f.rule === "workbooks.department-sum")).toBe(true);
  });

  it("merging a run's JSON without --shard keeps its files and says the cross-workbook rules could not use them", async () => {
    const one = await cli(root, ["changed", "--format", "json", "--jobs", "1"]);
    const out = path.join(root, "plain.json");
    fs.writeFileSync(out, one.stdout);
    const merged = await cli(root, ["merge", out, "--format", "json"]);
    expect(json(merged).files).toEqual(json(one).files);
    expect(json(merged).findings).toEqual([]);
    expect(merged.stderr).toMatch(/^注意：4 个文件.*--shard.*\n$/);
  });

  it("refuses an incomplete set of shards (their files would be missing)", async () => {
    const r = await cli(root, ["merge", path.join(root, "shard-1.json"), path.join(root, "shard-3.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2/3");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("bad files", () => {
  it("a corrupt file among good ones: exit 2, the others are still checked and reported", async () => {
    const dir = path.join(root, "with-corrupt");
    fs.cpSync(path.join(root, "clean"), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "坏文件.xlsx"), "this is not a zip");
    const r = await cli(root, ["with-corrupt", "--format", "json", "--jobs", "1"]);
    expect(r.code).toBe(2);
    const text = await cli(root, ["with-corrupt", "--jobs", "1", "--lang", "en"]);
    expect(text.stdout).toMatch(/Total: 5 files \(1 unreadable\) · error 0 /);
    const b = json(r);
    const bad = b.files.find((f) => f.file === "with-corrupt/坏文件.xlsx")!;
    expect(bad.error).toMatch(/坏文件\.xlsx.*Cannot read/);
    expect(bad.tables).toBeUndefined();
    const good = b.files.filter((f) => f.error === undefined);
    expect(good).toHaveLength(4);
    for (const f of good) expect(f.tables!.length).toBe(9);
    // The department still adds up with the readable units.
    expect(b.findings).toEqual([]);
  });

  it("a worker pool gives the same result as checking in this thread", async () => {
    const inThread = await cli(root, ["with-corrupt", "--format", "json", "--jobs", "1"]);
    const pooled = await cli(root, ["with-corrupt", "--format", "json", "--jobs", "2"]);
    expect(pooled.stdout).toBe(inThread.stdout);
    expect(pooled.code).toBe(2);
  }, 120_000);

  it("a folder without workbooks is one line on stderr and exit 2", async () => {
    fs.mkdirSync(path.join(root, "empty"), { recursive: true });
    const r = await cli(root, ["empty"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("one file keeps the single-file report exactly", async () => {
    const r = await cli(root, ["clean/单位A.xlsx", "--format", "json"]);
    const b = JSON.parse(r.stdout) as { file: string; files?: unknown };
    expect(b.file).toBe("clean/单位A.xlsx");
    expect(b.files).toBeUndefined();
  });
});

describe("as a process (npm run check -- FOLDER)", () => {
  const ROOT = path.resolve(__dirname, "../..");
  const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

  it("piped: no progress line on stderr, one JSON object on stdout, exit 2 for the corrupt file, the pool's default jobs", async () => {
    const dir = path.join(root, "process");
    fs.cpSync(path.join(root, "clean"), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "坏文件.xlsx"), "PK\u0003\u0004 truncated");
    const out = await new Promise<Run>((resolve) => {
      execFile(process.execPath, ["--import", TSX, path.join(ROOT, "src/cli/main.ts"), "process", "--format", "json"], { cwd: root, timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr }),
      );
    });
    expect(out.stderr.split("\n").filter((l) => l.trim() !== "" && !/^npm (warn|notice)/i.test(l))).toEqual([]);
    expect(out.code).toBe(2);
    const b = json(out);
    expect(b.files.map((f) => [f.file, f.error === undefined])).toEqual([
      ["process/sub/单位C.xlsx", true],
      ["process/单位A.xlsx", true],
      ["process/单位B.xlsx", true],
      ["process/坏文件.xlsx", false],
      ["process/部门.xlsx", true],
    ]);
  }, 130_000);
});
