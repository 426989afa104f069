import { namesMatch, normaliseName } from "../../../src/core/catalogue";

describe("normaliseName", () => {
  test("full-width and other brackets become half-width round brackets", () => {
    expect(normaliseName("维修（护）费")).toBe("维修(护)费");
    expect(normaliseName("资本性支出【一】")).toBe("资本性支出(一)");
    expect(normaliseName("因公出国〔境〕费用")).toBe("因公出国(境)费用");
  });

  test("whitespace (incl. ideographic space), quotes and list punctuation are dropped", () => {
    expect(normaliseName(" 社会保险\u3000经办 机构\n")).toBe("社会保险经办机构");
    expect(normaliseName("“三公”经费")).toBe("三公经费");
    expect(normaliseName("文化、旅游，体育")).toBe("文化旅游体育");
  });
});

describe("namesMatch", () => {
  test("equal after normalisation", () => {
    expect(namesMatch("维修(护)费", "维修（护）费")).toBe(true);
  });

  test("a trailing 支出 and a leading list marker are ignored", () => {
    expect(namesMatch("其他人力资源和社会保障管理事务", "其他人力资源和社会保障管理事务支出")).toBe(true);
    expect(namesMatch("（十）卫生健康支出", "卫生健康支出")).toBe(true);
    expect(namesMatch("八、社会保障和就业支出", "社会保障和就业支出")).toBe(true);
  });

  test("different names do not match", () => {
    expect(namesMatch("行政单位医疗", "事业单位医疗")).toBe(false);
    expect(namesMatch("医疗卫生与计划生育支出", "卫生健康支出")).toBe(false);
    expect(namesMatch("培训", "培训费")).toBe(false);
  });
});
