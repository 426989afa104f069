/** The small parts of the batch: shards, the units mapping, the progress line, file walking order. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { collectInputs } from "../../src/cli/batch/files";
import { progressLine } from "../../src/cli/batch/progress";
import { parseShard, takeShard } from "../../src/cli/batch/shard";
import { parseUnitsMap, UnitsMapError } from "../../src/cli/batch/units-map";

describe("--shard", () => {
  it("parses K/N and rejects the rest", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "3", "a/b", "1/0", "-1/2"]) expect(parseShard(bad)).toBeNull();
  });

  it("round-robin: every item in exactly one shard, sizes within one", () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const shards = [1, 2, 3].map((index) => takeShard(items, { index, count: 3 }));
    expect(shards).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(takeShard([1, 2], { index: 3, count: 3 })).toEqual([]);
  });
});

describe("--units", () => {
  it("reads unit → department rows, with a header, BOM, quotes, tabs and comments", () => {
    const map = parseUnitsMap('\uFEFF单位工作簿,部门\r\n# 2024\r\n"a/u1.xlsx","dept.xlsx"\r\nu2.xlsx\t某某局\r\n\r\n');
    expect([...map]).toEqual([
      ["a/u1.xlsx", "dept.xlsx"],
      ["u2.xlsx", "某某局"],
    ]);
  });

  it("a line without a department names its line", () => {
    expect(() => parseUnitsMap("u1.xlsx,dept.xlsx\nu2.xlsx\n")).toThrow(UnitsMapError);
    expect(() => parseUnitsMap("u1.xlsx,dept.xlsx\nu2.xlsx\n")).toThrow(/line 2/);
  });
});

describe("progress line", () => {
  it("rewrites one line on a terminal and clears it at the end", () => {
    let out = "";
    const p = progressLine(true, (t) => void (out += t), 40);
    p.update(1, 2, "a.xlsx");
    p.update(2, 2, "a-very-long-folder-name/with-a-long-file-name.xlsx");
    p.end();
    expect(out.split("\r\x1b[K").filter(Boolean)).toEqual(["检查 / Checking 1/2  a.xlsx", expect.stringMatching(/^检查 \/ Checking 2\/2 {2}a-very.*…$/)]);
    expect(out.endsWith("\r\x1b[K")).toBe(true);
  });

  it("writes nothing when piped", () => {
    let out = "";
    const p = progressLine(false, (t) => void (out += t));
    p.update(1, 1, "a.xlsx");
    p.end();
    expect(out).toBe("");
  });
});

describe("file walking", () => {
  it("recursive, workbooks in any case (the unreadable spreadsheet formats too, to be reported), lock/hidden files and folders skipped, missing paths kept, sorted, deduplicated", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walk-"));
    try {
      for (const f of ["b.xlsx", "A.XLSX", "sub/c.xlsx", "~$b.xlsx", ".h.xlsx", ".git/d.xlsx", "notes.txt", "z.xls", "m.xlsm", "t.XLTX", "u.xltm", "o.ods", "w.xlsb", "x.csv", "y.xlsx.bak", "~$m.xlsm"]) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), "x");
      }
      const files = collectInputs([".", "b.xlsx", "gone.xlsx"], dir).map((f) => f.file);
      // Code-unit order, not the locale's: the same on every host and in every shard.
      expect(files).toEqual(["A.XLSX", "b.xlsx", "gone.xlsx", "m.xlsm", "o.ods", "sub/c.xlsx", "t.XLTX", "u.xltm", "w.xlsb", "z.xls"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
