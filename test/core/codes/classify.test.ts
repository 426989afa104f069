import { ancestorCodes, classifyCode, levelOf } from "../../../src/core/catalogue";
import { classCodeOf, firstDigitOf, levelDepth, parentCode, splitCode } from "../../../src/core/codes/classify";

describe("classifyCode", () => {
  test.each([
    ["208", "function"],
    ["20805", "function"],
    ["2080505", "function"],
    ["301", "dept-economic"],
    ["30101", "dept-economic"],
    ["505", "gov-economic"],
    ["50501", "gov-economic"],
    ["101", "revenue"],
    ["10101", "revenue"],
    ["103040101", "revenue"],
  ])("%s is %s", (code, expected) => {
    expect(classifyCode(code)).toBe(expected);
  });

  test.each(["3010101", "5050101", "027", "027001", "2080", "20805a", "", "4011"])("%p has no classification", (code) => {
    expect(classifyCode(code)).toBeUndefined();
  });

  test("a fitting hint wins, a hint that does not fit the shape is ignored", () => {
    expect(classifyCode("208", "function")).toBe("function");
    expect(classifyCode("30101", "gov-economic")).toBe("dept-economic");
  });
});

describe("levelOf and ancestorCodes", () => {
  test("levels by length", () => {
    expect(["208", "20805", "2080505", "103040101", "2080"].map(levelOf)).toEqual(["类", "款", "项", "目", undefined]);
  });

  test("ancestors outermost first", () => {
    expect(ancestorCodes("2080505")).toEqual(["208", "20805"]);
    expect(ancestorCodes("208")).toEqual([]);
  });
});

describe("depth, parent, 类 and parts of a code", () => {
  test("depth by length: 类 1, 款 2, 项 3, 目 4", () => {
    expect(["208", "20805", "2080505", "103040101"].map(levelDepth)).toEqual([1, 2, 3, 4]);
  });

  test("the parent is two digits shorter; a 类 has none", () => {
    expect(parentCode("2080505")).toBe("20805");
    expect(parentCode("20805")).toBe("208");
    expect(parentCode("208")).toBeUndefined();
    expect(classCodeOf("2080505")).toBe("208");
  });

  test("each classification's first digit is the one classifyCode reads", () => {
    for (const code of ["2080505", "30101", "50501", "103040101"]) expect(firstDigitOf(classifyCode(code)!)).toBe(code[0]);
  });

  test("parts for the 类 | 款 | 项 columns", () => {
    expect(splitCode("2080505")).toEqual(["208", "05", "05"]);
    expect(splitCode(" 208 ")).toEqual(["208", "", ""]);
  });
});
