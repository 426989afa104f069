/**
 * Nothing lost (issue 8): the CLI never writes the file it checks — not when checking, not when annotating to another
 * file — and `--annotate` refuses every spelling of the input as its output (same path, another relative path, a
 * symlink to it, a hard link, a path through a symlinked folder). Real files, the real CLI (runCheck with its default
 * reader, checker and annotator). The add-in's highlight → clear round trip is covered in
 * test/excel/office-marks.test.ts ("highlight → clear restores formats, rules, notes and comments exactly").
 */
import fs from "node:fs";
import path from "node:path";
import { readXlsxFile } from "../../src/cli/xlsx-grid";
import { gridToXlsx } from "../helpers/grid-to-xlsx";
import { getSheet, setAmount } from "../helpers/variants";
import { baseWorkbook, runCli, tmpDir } from "./helpers";

interface Fingerprint {
  bytes: Buffer;
  mtimeMs: number;
  ctimeMs: number;
  size: number;
}

function fingerprint(file: string): Fingerprint {
  const st = fs.statSync(file);
  return { bytes: fs.readFileSync(file), mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, size: st.size };
}

function expectUntouched(file: string, before: Fingerprint): void {
  const after = fingerprint(file);
  expect(after.size).toBe(before.size);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(after.ctimeMs).toBe(before.ctimeMs);
}

describe("the CLI never writes its input", () => {
  let dir: string;
  let input: string;
  let before: Fingerprint;

  beforeAll(async () => {
    dir = tmpDir("nothing-lost-");
    input = path.join(dir, "部门预算公开表.xlsx");
    // With an error, so --annotate has cells to mark.
    const wb = setAmount(baseWorkbook(), "支出总表", "E10", 1);
    fs.writeFileSync(input, await gridToXlsx(wb));
    // An mtime in the past, so a rewrite within the same clock tick could not hide.
    const past = new Date("2024-01-02T03:04:05Z");
    fs.utimesSync(input, past, past);
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(input, path.join(dir, "link.xlsx"));
    fs.linkSync(input, path.join(dir, "hard.xlsx"));
    fs.symlinkSync(dir, path.join(dir, "folder-link"));
    before = fingerprint(input);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([["text"], ["json"], ["csv"]])("checking (--format %s) leaves bytes and times unchanged", async (format) => {
    const run = await runCli([input, "--format", format]);
    expect(run.code).toBe(1);
    expectUntouched(input, before);
  });

  it("annotating to another file writes only that file; the input is unchanged", async () => {
    const out = path.join(dir, "标注.xlsx");
    const run = await runCli([input, "--annotate", out]);
    expect(run.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
    expectUntouched(input, before);
    expect(fs.readdirSync(dir).sort()).toEqual(["folder-link", "hard.xlsx", "link.xlsx", "sub", "标注.xlsx", "部门预算公开表.xlsx"].sort());
    // The copy holds the same values as the input.
    const [a, b] = [await readXlsxFile(input), await readXlsxFile(out)];
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(getSheet(b, "支出总表").values).toEqual(getSheet(a, "支出总表").values);
    fs.rmSync(out);
  });

  describe("--annotate refuses to overwrite the input", () => {
    // Links are made before the input's fingerprint is taken (a hard link changes the inode's ctime).
    const refusals: Array<[string, (dir: string, input: string) => { cwd: string; out: string }]> = [
      ["the same absolute path", (_d, i) => ({ cwd: process.cwd(), out: i })],
      ["the same name relative to the working folder", (d, i) => ({ cwd: d, out: path.basename(i) })],
      ["another relative spelling (./sub/../name)", (d, i) => ({ cwd: d, out: `./sub/../${path.basename(i)}` })],
      ["a symlink to the input", (d) => ({ cwd: d, out: path.join(d, "link.xlsx") })],
      ["a hard link to the input", (d) => ({ cwd: d, out: path.join(d, "hard.xlsx") })],
      ["a path through a symlinked folder", (d, i) => ({ cwd: d, out: path.join("folder-link", path.basename(i)) })],
    ];

    it.each(refusals)("%s: exit 2, one line on stderr, nothing written", async (_label, make) => {
      const { cwd, out } = make(dir, input);
      const listing = fs.readdirSync(dir).sort();
      const run = await runCli([path.relative(cwd, input) || input, "--annotate", out, "--format", "json"], cwd);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain("--annotate");
      expectUntouched(input, before);
      expect(fs.readdirSync(dir).sort()).toEqual(listing);
    });

    it("the refusal comes before the file is read (an unreadable input is still not touched)", async () => {
      const bad = path.join(dir, "broken.xlsx");
      fs.writeFileSync(bad, "not a workbook");
      const st = fingerprint(bad);
      const run = await runCli([bad, "--annotate", bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--annotate");
      expectUntouched(bad, st);
      fs.rmSync(bad);
    });
  });
});
