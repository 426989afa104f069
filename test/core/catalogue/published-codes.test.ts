/**
 * Every code printed in test/fixtures/seeds and test/fixtures exists in the catalogue for that document's budget year,
 * under the name the document prints (modulo whitespace, bracket width and a trailing 支出).
 */
import { checkCodeRows, namesMatch, normaliseName, type CodeRow } from "../../../src/core/catalogue";
import { classifyCode } from "../../../src/core/codes/classify";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import { fixtureCodes, seedCodes, type PublishedCode } from "./published-codes";

const catalogue = getCatalogueSync();

/**
 * Published names that differ from the catalogue beyond normalisation, with the reason. Empty: every published name
 * matches. A new entry here must say whether it is a year change or a typo in the source document.
 */
const KNOWN_NAME_DIFFERENCES: { code: string; published: string; reason: string }[] = [];

let published: PublishedCode[] = [];

beforeAll(async () => {
  published = [...seedCodes(), ...(await fixtureCodes())];
});

describe("codes published in the seeds and fixtures", () => {
  test("the extraction finds the tables' codes in every document (guards against a vacuous pass)", () => {
    const perDocument = new Map<string, Set<string>>();
    for (const p of published) {
      const set = perDocument.get(p.document) ?? new Set<string>();
      set.add(p.code);
      perDocument.set(p.document, set);
    }
    expect([...perDocument.keys()].sort()).toEqual([
      "000_74fe72eb4d84faa4.txt",
      "001_489157c08b808397.txt",
      "002_9326d6f1ef91f371.txt",
      "hebei-qinhuangdao-social-insurance-2023.xlsx",
      "henan-yibin-social-security-2022.xlsx",
      "shanghai-final-template-2024.xlsx",
      "shanghai-putuo-commerce-unit-2025.xlsx",
      "shanghai-putuo-social-work-final-2024.xlsx",
      "shijiazhuang-social-insurance-2023.xlsx",
    ]);
    for (const codes of perDocument.values()) expect(codes.size).toBeGreaterThanOrEqual(30);
    // Split 类/款/项 cells are joined, not mistaken for a 款.
    expect(published.some((p) => p.document.startsWith("henan") && p.code === "2080101")).toBe(true);
    expect(published.filter((p) => p.document.startsWith("henan")).map((p) => p.year)).not.toContain(2023);
  });

  test("every published code exists in the catalogue for its document's year", () => {
    const missing = published.filter((p) => catalogue.lookup(p.code, p.year) === undefined);
    expect(missing.map((p) => `${p.where}: ${p.code} ${p.name} (${p.year})`)).toEqual([]);
  });

  test("every published name matches the catalogue name, apart from the documented differences", () => {
    const differences = new Map<string, { code: string; published: string; official: string }>();
    for (const p of published) {
      const entry = catalogue.lookup(p.code, p.year);
      if (entry && !namesMatch(p.name, entry.name)) {
        differences.set(`${p.code}|${p.name}`, { code: p.code, published: p.name, official: entry.name });
      }
    }
    const found = [...differences.values()].map((d) => ({ code: d.code, published: d.published }));
    expect(found).toEqual(KNOWN_NAME_DIFFERENCES.map(({ code, published: name }) => ({ code, published: name })));
  });

  test("names that differ only in bracket width are recognised as equal (30213 维修(护)费)", () => {
    const repair = published.find((p) => p.code === "30213");
    const entry = catalogue.lookup("30213", 2023);
    expect(repair?.name).toBe("维修(护)费");
    expect(entry?.name).toBe("维修（护）费");
    expect(normaliseName(repair?.name ?? "")).toBe(normaliseName(entry?.name ?? ""));
  });

  test("the catalogue rules raise nothing on the published rows (no false positives)", () => {
    const rows: CodeRow[] = published.map((p) => {
      const classification = classifyCode(p.code);
      if (!classification) throw new Error(`unclassifiable ${p.code}`);
      const cell = { sheet: p.where, row: 0, col: 0 };
      return {
        sheet: p.where,
        codeCells: [cell],
        code: p.code,
        name: p.name,
        nameCell: { sheet: p.where, row: 0, col: 1 },
        classification,
        pairedCode: p.pairedCode ? { code: p.pairedCode, cell: { sheet: p.where, row: 0, col: 2 } } : undefined,
      };
    });
    const byYear = new Map<number, CodeRow[]>();
    published.forEach((p, i) => byYear.set(p.year, [...(byYear.get(p.year) ?? []), rows[i]]));
    const findings = [...byYear].flatMap(([year, yearRows]) => checkCodeRows(yearRows, catalogue, year));
    expect(findings).toEqual([]);
    // The Henan economic tables do carry pairings, so the pairing rule was exercised.
    expect(rows.filter((r) => r.pairedCode).length).toBeGreaterThan(20);
  });
});
