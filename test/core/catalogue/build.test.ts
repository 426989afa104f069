import { buildClassification } from "../../../scripts/build-catalogue";
import { FUNCTION_ROWS } from "./synthetic";

describe("build step: first year in full, later years as diffs", () => {
  const data = buildClassification("function", FUNCTION_ROWS);

  test("the first year holds the codes valid in 2022, with pinyin initials", () => {
    const codes = data.base.map((r) => r[0]);
    expect(codes).toContain("2080598");
    expect(codes).not.toContain("2080597");
    expect(data.base.find((r) => r[0] === "2080505")?.[2]).toBe("jgsydwjbylbxjfzc");
  });

  test("each change lands in the year it happens, and only there", () => {
    expect(Object.keys(data.diffs).sort()).toEqual(["2024", "2025"]);
    expect(data.diffs["2024"].remove).toEqual(["2080598"]);
    expect(data.diffs["2024"].add.map((r) => r[0])).toEqual(["2080597"]);
    expect(data.diffs["2025"].rename).toEqual([["20899", "虚构新名称", "xgxmc"]]);
  });

  test("coverage must name parents that exist", () => {
    expect(() => buildClassification("function", FUNCTION_ROWS, [["21099", 2022, 2026]])).toThrow(/coverage/);
    expect(buildClassification("function", FUNCTION_ROWS, [["", 2022, 2026]]).complete).toEqual([["", 2022, 2026]]);
  });

  test("a code without its parent in some year is rejected", () => {
    expect(() =>
      buildClassification("function", [{ code: "2080505", name: "x", from: 2022, to: 2026, line: 1 }]),
    ).toThrow(/no parent 20805/);
  });
});
