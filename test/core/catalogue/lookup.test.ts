import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import { syntheticCatalogue } from "./synthetic";

describe("lookup and children (built data)", () => {
  const catalogue = getCatalogueSync();

  test("lookup returns name, level, full path, year and classification", () => {
    expect(catalogue.lookup("2080505", 2023)).toEqual({
      code: "2080505",
      name: "机关事业单位基本养老保险缴费支出",
      level: "项",
      path: [
        { code: "208", name: "社会保障和就业支出" },
        { code: "20805", name: "行政事业单位养老支出" },
        { code: "2080505", name: "机关事业单位基本养老保险缴费支出" },
      ],
      year: 2023,
      classification: "function",
    });
    expect(catalogue.lookup("30108", 2022)?.path.map((p) => p.code)).toEqual(["301", "30108"]);
    expect(catalogue.lookup("50501", 2022)?.classification).toBe("gov-economic");
    expect(catalogue.lookup("10101", 2024)?.level).toBe("款");
  });

  test("unknown or malformed codes give undefined", () => {
    expect(catalogue.lookup("2089998", 2023)).toBeUndefined();
    expect(catalogue.lookup("abc", 2023)).toBeUndefined();
    expect(catalogue.lookup("", 2023)).toBeUndefined();
  });

  test("children lists the direct children only, in code order", () => {
    const kids = catalogue.children("20805", 2023).map((e) => e.code);
    expect(kids).toEqual(["2080501", "2080502", "2080503", "2080505", "2080506", "2080507", "2080599"]);
    expect(catalogue.children("208", 2023).every((e) => e.level === "款")).toBe(true);
    expect(catalogue.children("2080505", 2023)).toEqual([]);
  });

  test("years outside the data use the nearest covered year", () => {
    expect(catalogue.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(catalogue.lookup("2080505", 2019)?.year).toBe(2022);
    expect(catalogue.lookup("2080505", 2030)?.year).toBe(2026);
  });
});

describe("year changes (synthetic data with a removal, an addition and a rename)", () => {
  const catalogue = syntheticCatalogue();

  test("a code valid in 2023 is gone in 2024", () => {
    expect(catalogue.lookup("2080598", 2023)?.name).toBe("虚构停用科目");
    expect(catalogue.lookup("2080598", 2024)).toBeUndefined();
    expect(catalogue.yearsOf("2080598")).toEqual([2022, 2023]);
  });

  test("a code added in 2024 is unknown before", () => {
    expect(catalogue.lookup("2080597", 2023)).toBeUndefined();
    expect(catalogue.lookup("2080597", 2024)?.name).toBe("虚构新增科目");
    expect(catalogue.children("20805", 2024).map((e) => e.code)).toEqual(["2080501", "2080505", "2080597"]);
  });

  test("a renamed code carries the name of the asked year", () => {
    expect(catalogue.lookup("20899", 2024)?.name).toBe("虚构旧名称");
    expect(catalogue.lookup("20899", 2025)?.name).toBe("虚构新名称");
    expect(catalogue.lookup("20899", 2026)?.name).toBe("虚构新名称");
  });
});
