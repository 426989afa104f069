/** --catalogue FILE: the official list imported for `catalogue lookup|search` and for `check`. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCatalogueCliWithFiles } from "../../src/cli/catalogue";
import { runCheck } from "../../src/cli/run-check";
import { fixturePath } from "../helpers/fixtures";

/** 款 20139 社会工作事务 as a real 2024 list prints it, without 2013950 (so the list says it does not exist). */
const LIST_ROWS: [string, string][] = [
  ["201", "一般公共服务支出"],
  ["20139", "社会工作事务"],
  ["2013901", "行政运行"],
  ["2013902", "一般行政管理事务"],
  ["2013999", "其他社会工作事务支出"],
  ["2130501", "行政运行"],
];

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "catalogue-import-"));
  writeFileSync(join(dir, "list.csv"), `科目编码,科目名称\n${LIST_ROWS.map(([c, n]) => `${c},${n}`).join("\n")}\n`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("功能分类");
  ws.addRow(["2024年政府收支分类科目"]);
  ws.addRow(["科目编码", "科目名称"]);
  for (const [c, n] of LIST_ROWS) ws.addRow([Number(c), n]);
  await wb.xlsx.writeFile(join(dir, "list.xlsx"));
  writeFileSync(join(dir, "notes.csv"), "说明\n本表无科目\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("catalogue lookup|search --catalogue FILE", () => {
  test.each([["list.csv"], ["list.xlsx"]])("lookup finds every code of %s with its name (json)", async (file) => {
    for (const [code, name] of LIST_ROWS) {
      const r = await runCatalogueCliWithFiles(["lookup", code, "--year", "2024", "--catalogue", file, "--format", "json"], dir);
      expect([r.code, r.stderr]).toEqual([0, ""]);
      expect(JSON.parse(r.stdout)).toMatchObject({ code, name, year: 2024 });
    }
  });

  test("a code missing from a 款 the list covers is not found, naming the list; --catalogue-year limits the list to its year", async () => {
    const r = await runCatalogueCliWithFiles(["lookup", "2013950", "--year", "2024", "--catalogue=list.csv"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("不在导入的科目表 list.csv");
    const other = await runCatalogueCliWithFiles(["lookup", "2013901", "--year", "2023", "--catalogue", "list.csv", "--catalogue-year", "2024"], dir);
    expect(other.code).toBe(1);
    // Outside the built-in coverage, the message never calls the code wrong and offers the import.
    expect(other.stderr).toContain("超出内置科目表的覆盖范围");
    expect(other.stderr).not.toMatch(/不在.*科目中/);
    expect(other.stderr).toContain("--catalogue");
  });

  test("search: imported names are found; without an import stderr says the results are limited", async () => {
    const withList = await runCatalogueCliWithFiles(["search", "社会工作", "--year", "2024", "--catalogue", "list.csv", "--format", "json"], dir);
    expect(withList.stderr).toBe("");
    expect((JSON.parse(withList.stdout) as { code: string }[]).map((e) => e.code)).toEqual(["20139", "2013999"]);
    const without = await runCatalogueCliWithFiles(["search", "社会工作", "--year", "2023", "--format", "json"], dir);
    expect(JSON.parse(without.stdout)).toEqual([]);
    expect(without.stderr).toContain("--catalogue FILE");
  });

  test("search: an imported name the built-in data lacks is found by its pinyin initials", async () => {
    writeFileSync(join(dir, "new.csv"), "科目编码,科目名称\n20139,社会工作事务\n2013960,基层治理事务\n");
    const r = await runCatalogueCliWithFiles(["search", "jczlsw", "--year", "2024", "--catalogue", "new.csv", "--format", "json"], dir);
    expect((JSON.parse(r.stdout) as { code: string }[]).map((e) => e.code)).toEqual(["2013960"]);
  });

  test("a file without codes, a missing file, a year without a list: exit 2 with one line", async () => {
    for (const argv of [
      ["lookup", "201", "--catalogue", "notes.csv"],
      ["lookup", "201", "--catalogue", "absent.xlsx"],
      ["lookup", "201", "--catalogue-year", "2024"],
    ]) {
      const r = await runCatalogueCliWithFiles(argv, dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    }
    const bad = await runCatalogueCliWithFiles(["lookup", "201", "--catalogue", "notes.csv"], dir);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("notes.csv");
  });

  test("npm run catalogue (process) reads --catalogue", () => {
    const root = join(__dirname, "../..");
    const r = spawnSync(
      "npm",
      ["run", "--silent", "catalogue", "--", "lookup", "20139", "--year", "2024", "--catalogue", join(dir, "list.csv"), "--format", "json"],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: "20139", name: "社会工作事务", level: "款" });
  });
});

describe("check --catalogue FILE", () => {
  async function check(argv: string[]): Promise<{ code: number; findings: { rule: string; severity: string; message: string; actual?: string; cells: { sheet: string; address: string }[] }[]; stderr: string }> {
    let out = "";
    let err = "";
    const code = await runCheck(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir });
    return { code, findings: out ? (JSON.parse(out) as { findings: never[] }).findings : [], stderr: err };
  }
  const workbook = fixturePath("shanghai-putuo-social-work-final-2024");

  test("a code absent from an imported complete 款 is an error; the listed codes pass", async () => {
    const before = await check([workbook, "--format", "json", "--year", "2024"]);
    expect(before.findings.filter((f) => f.rule === "catalogue.unknown-code")).toEqual([]);
    const after = await check([workbook, "--format", "json", "--year", "2024", "--catalogue", "list.xlsx"]);
    const unknown = after.findings.filter((f) => f.rule === "catalogue.unknown-code");
    // 2013950 is printed in each 决算 table that lists 201 (收入, 支出, 一般公共预算): one error at each of those cells.
    expect(new Set(unknown.map((f) => `${f.actual} ${f.severity}`))).toEqual(new Set(["2013950 error"]));
    const cells = unknown.map((f) => `${f.cells[0].sheet}!${f.cells[0].address}`);
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    expect(new Set(cells).size).toBe(cells.length);
    expect(unknown[0].message).toContain("list.xlsx");
    expect(after.code).toBe(1);
    // 201's other codes are now judged by the list, not "not covered".
    const notCovered = after.findings.filter((f) => f.rule === "catalogue.not-covered");
    expect(notCovered.map((f) => f.message).join("")).not.toContain("2013901");
  });

  test("an unreadable list stops the check with exit 2 and one line", async () => {
    const r = await check([workbook, "--catalogue", "notes.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("notes.csv");
  });
});

describe("several files and folders with --catalogue FILE", () => {
  interface Out {
    code: number;
    stdout: string;
    stderr: string;
  }
  async function cli(argv: string[]): Promise<Out> {
    const r: Out = { code: -1, stdout: "", stderr: "" };
    r.code = await runCheck(argv, { cwd: dir, stdout: (t) => void (r.stdout += t), stderr: (t) => void (r.stderr += t), stderrIsTTY: false });
    return r;
  }
  type Findings = { rule: string; actual?: string }[];
  const filesOf = (r: Out) => (JSON.parse(r.stdout) as { files: { file: string; findings: Findings }[] }).files;
  const single = async (file: string, extra: string[] = []) =>
    (JSON.parse((await cli([file, "--format", "json", "--year", "2024", ...extra])).stdout) as { findings: Findings }).findings;

  beforeAll(() => {
    // The 普陀 决算 (prints 2013950, which list.xlsx says does not exist) and a 预算 that prints none of 201's codes.
    mkdirSync(join(dir, "收件", "sub"), { recursive: true });
    copyFileSync(fixturePath("shanghai-putuo-social-work-final-2024"), join(dir, "收件", "普陀.xlsx"));
    copyFileSync(fixturePath("hebei-qinhuangdao-social-insurance-2023"), join(dir, "收件", "sub", "秦皇岛.xlsx"));
  });

  test("each file's findings equal its single-file run with the list, in this thread and in the pool's workers", async () => {
    const names = ["收件/sub/秦皇岛.xlsx", "收件/普陀.xlsx"];
    const expected = await Promise.all(names.map((f) => single(f, ["--catalogue", "list.xlsx"])));
    // The list changes the 普陀 findings (else this would prove nothing).
    expect(expected[1].filter((f) => f.rule === "catalogue.unknown-code").map((f) => f.actual)).toContain("2013950");
    expect((await single(names[1])).some((f) => f.rule === "catalogue.unknown-code")).toBe(false);
    for (const jobs of ["1", "2"]) {
      const r = await cli(["收件", "--format", "json", "--year", "2024", "--catalogue", "list.xlsx", "--jobs", jobs]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      const files = filesOf(r);
      expect(files.map((f) => f.file)).toEqual(names);
      expect(files.map((f) => f.findings)).toEqual(expected);
    }
  }, 120_000);

  test("--catalogue-year applies to the batch as to one file; a bad list stops the batch with exit 2 and one line", async () => {
    const other = await cli(["收件", "--format", "json", "--year", "2024", "--catalogue", "list.xlsx", "--catalogue-year", "2023", "--jobs", "1"]);
    expect(filesOf(other).map((f) => f.findings)).toEqual([await single("收件/sub/秦皇岛.xlsx"), await single("收件/普陀.xlsx")]);
    const bad = await cli(["收件", "--catalogue", "notes.csv", "--jobs", "1"]);
    expect([bad.code, bad.stdout]).toEqual([2, ""]);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("notes.csv");
  });

  test("shards check codes by the list; merge, which checks none, refuses it rather than ignore it", async () => {
    const shard = await cli(["收件", "--format", "json", "--year", "2024", "--catalogue", "list.xlsx", "--jobs", "1", "--shard", "2/2"]);
    expect(filesOf(shard).map((f) => f.findings)).toEqual([await single("收件/普陀.xlsx", ["--catalogue", "list.xlsx"])]);
    writeFileSync(join(dir, "shard-2.json"), shard.stdout);
    const merge = await cli(["merge", "shard-2.json", "--catalogue", "list.xlsx"]);
    expect([merge.code, merge.stdout]).toEqual([2, ""]);
    expect(merge.stderr).toContain("--catalogue");
  });
});
