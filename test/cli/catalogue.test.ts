import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCatalogueCli } from "../../src/cli/catalogue";

describe("catalogue CLI (in process)", () => {
  test("lookup --format json prints {code, name, level, path, year}", () => {
    const r = runCatalogueCli(["lookup", "2080505", "--year", "2023", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      code: "2080505",
      name: "机关事业单位基本养老保险缴费支出",
      level: "项",
      path: [
        { code: "208", name: "社会保障和就业支出" },
        { code: "20805", name: "行政事业单位养老支出" },
        { code: "2080505", name: "机关事业单位基本养老保险缴费支出" },
      ],
      year: 2023,
    });
  });

  test("search --format json prints an array of those, best first", () => {
    const r = runCatalogueCli(["search", "养老", "--year=2023", "--format=json", "--limit", "5"]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as { code: string; name: string; year: number }[];
    expect(results).toHaveLength(5);
    expect(results.map((e) => e.code)).toContain("2080505");
    expect(results.every((e) => e.year === 2023 && e.name.includes("养老"))).toBe(true);
    expect(Object.keys(results[0]).sort()).toEqual(["code", "level", "name", "path", "year"]);
  });

  test("text format is the default", () => {
    const r = runCatalogueCli(["lookup", "30108", "--year", "2022"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("30108\t机关事业单位基本养老保险缴费\t款\t2022\t301 工资福利支出 > 30108 机关事业单位基本养老保险缴费\n");
  });

  test("unknown code: exit 1, message on stderr, nothing on stdout", () => {
    const r = runCatalogueCli(["lookup", "2089997", "--year", "2023", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("2089997");
  });

  test.each([
    [[]],
    [["lookup"]],
    [["find", "208"]],
    [["lookup", "208", "--year", "23"]],
    [["lookup", "208", "--format", "xml"]],
    [["search", "养老", "--limit", "0"]],
    [["lookup", "208", "--colour", "on"]],
    [["lookup", "208", "209"]],
  ])("bad usage %p: exit 2 with usage on stderr", (argv) => {
    const r = runCatalogueCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage");
  });
});

describe("catalogue --help", () => {
  test.each([
    [["--help"], ["lookup CODE", "search TEXT"]],
    [["-h"], ["lookup CODE", "search TEXT"]],
    [["lookup", "--help"], ["lookup CODE"]],
    [["search", "-h"], ["search TEXT"]],
    [["lookup", "2080505", "--help"], ["lookup CODE"]],
  ])("%p: usage on stdout, exit 0", (argv, shown) => {
    const r = runCatalogueCli(argv);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const s of shown) expect(r.stdout).toContain(s);
    expect(r.stdout).toContain("--year YYYY");
    if (shown.length === 1) expect(r.stdout).not.toContain(shown[0].startsWith("lookup") ? "search TEXT" : "lookup CODE");
  });
});

describe("npm run catalogue (process)", () => {
  const root = join(__dirname, "../..");
  const run = (args: string[]) =>
    spawnSync("npm", ["run", "--silent", "catalogue", "--", ...args], { cwd: root, encoding: "utf8" });

  test("lookup prints JSON on stdout and exits 0; an unknown code exits 1", () => {
    const ok = run(["lookup", "2210201", "--year", "2023", "--format", "json"]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ code: "2210201", name: "住房公积金", level: "项", year: 2023 });
    const missing = run(["lookup", "2089997"]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
  });
});
