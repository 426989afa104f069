import {
  amountOrZero,
  compareTotals,
  Decimal,
  decimalFromNumber,
  formatAmount,
  normaliseNumberText,
  parseAmount,
  parseAmountText,
  round2,
  type Amount,
} from "../../src/core/money";

function num(a: Amount): string {
  if (a.kind !== "number") throw new Error(`expected a number, got ${JSON.stringify(a)}`);
  return a.value.toString();
}

describe("parseAmount: numbers from Excel", () => {
  it.each([
    [1234.56, "1234.56"],
    [0, "0"],
    [-12, "-12"],
    [2185.92, "2185.92"],
  ])("%p → %s, not from text", (v, expected) => {
    const a = parseAmount(v);
    expect(num(a)).toBe(expected);
    expect(a).toMatchObject({ fromText: false });
  });

  it("strips binary float noise (0.1 + 0.2, sums of cents)", () => {
    expect(num(parseAmount(0.1 + 0.2))).toBe("0.3");
    expect(num(parseAmount(1.1 + 2.2))).toBe("3.3");
    let s = 0;
    for (let i = 0; i < 100; i++) s += 0.01;
    expect(num(parseAmount(s))).toBe("1");
    expect(decimalFromNumber(2185.9199999999996).toFixed(2)).toBe("2185.92");
  });

  it("keeps large amounts in 元 exact to the cent", () => {
    expect(num(parseAmount(123456789.12))).toBe("123456789.12");
    expect(num(parseAmount(9876543210.05))).toBe("9876543210.05");
  });

  it("rejects non-finite numbers and booleans as invalid", () => {
    expect(parseAmount(Number.NaN).kind).toBe("invalid");
    expect(parseAmount(Number.POSITIVE_INFINITY).kind).toBe("invalid");
    expect(parseAmount(true)).toEqual({ kind: "invalid", text: "TRUE" });
    expect(parseAmount(false)).toEqual({ kind: "invalid", text: "FALSE" });
  });

  it("error values become error amounts, never numbers or crashes", () => {
    expect(parseAmount({ error: "#REF!" })).toEqual({ kind: "error", error: "#REF!" });
    expect(parseAmount({ error: "#DIV/0!" })).toEqual({ kind: "error", error: "#DIV/0!" });
  });
});

describe("parseAmount: text accountants type", () => {
  it.each([
    ["1234.56", "1234.56"],
    ["1,234.56", "1234.56"],
    ["12,345,678.90", "12345678.9"],
    ["  1,234.56  ", "1234.56"],
    ["1 234.56", "1234.56"],
    ["１２３４.５６", "1234.56"],
    ["１，２３４．５６", "1234.56"],
    ["（12.00）", "-12"],
    ["(12.00)", "-12"],
    ["(1,234.56)", "-1234.56"],
    ["-12.00", "-12"],
    ["－12.00", "-12"],
    ["−12.00", "-12"],
    ["+5", "5"],
    [".5", "0.5"],
    ["12.", "12"],
    ["0", "0"],
    ["0.00", "0"],
    ["\u00a0123.40\u3000", "123.4"],
  ])("%j → %s (from text)", (text, expected) => {
    const a = parseAmount(text);
    expect(num(a)).toBe(expected);
    expect(a).toMatchObject({ fromText: true });
  });

  it.each(["", "   ", "-", "--", "—", "——", "－", "–", "/", "…", "无", "\u3000"])("%j is empty", (text) => {
    expect(parseAmount(text)).toEqual({ kind: "empty" });
  });

  it("blank cells are empty", () => {
    expect(parseAmount(null)).toEqual({ kind: "empty" });
  });

  it.each(["1,234,56", "1,2345.00", "12%", "abc", "合计", "1e5", "(12", "()", ".", "12.00-", "(-12)", "#REF!"])(
    "%j is invalid, never silently a number",
    (text) => {
      const a = parseAmount(text);
      expect(a.kind).toBe("invalid");
      expect(a).toMatchObject({ text: text.trim() });
    },
  );
});

describe("helpers", () => {
  it("normaliseNumberText maps full-width forms and strips spaces", () => {
    expect(normaliseNumberText("（１，２３４．５０）")).toBe("(1,234.50)");
    expect(normaliseNumberText(" 1 2 ")).toBe("12");
  });

  it("parseAmountText returns null for non-numbers", () => {
    expect(parseAmountText("")).toBeNull();
    expect(parseAmountText("x")).toBeNull();
    expect(parseAmountText("1,234")?.toString()).toBe("1234");
  });

  it("amountOrZero uses only numbers", () => {
    expect(amountOrZero(parseAmount(3.5)).toString()).toBe("3.5");
    expect(amountOrZero(parseAmount("—")).toString()).toBe("0");
    expect(amountOrZero(parseAmount({ error: "#N/A" })).toString()).toBe("0");
    expect(amountOrZero(parseAmount("abc")).toString()).toBe("0");
  });

  it("round2 rounds half away from zero as Excel does", () => {
    expect(round2(new Decimal("2.675")).toString()).toBe("2.68");
    expect(round2(new Decimal("-2.675")).toString()).toBe("-2.68");
    expect(round2(new Decimal("2.674")).toString()).toBe("2.67");
  });

  it("formatAmount prints two decimals and no negative zero", () => {
    expect(formatAmount(new Decimal("2185.9"))).toBe("2185.90");
    expect(formatAmount(new Decimal("-0.001"))).toBe("0.00");
    expect(formatAmount(decimalFromNumber(0.1 + 0.2))).toBe("0.30");
  });
});

describe("compareTotals (spec §2 rounding bound: N terms × 0.005)", () => {
  const d = (s: string) => new Decimal(s);
  it("equal after rounding both sides to cents", () => {
    expect(compareTotals(d("10.00"), d("10.004"), 3)).toBe("equal");
    expect(compareTotals(d("10.005"), d("10.01"), 1)).toBe("equal");
  });
  it("within the bound is a rounding difference", () => {
    expect(compareTotals(d("10.00"), d("10.01"), 2)).toBe("rounding");
    expect(compareTotals(d("10.00"), d("10.02"), 4)).toBe("rounding");
  });
  it("beyond the bound is a mismatch", () => {
    expect(compareTotals(d("10.00"), d("10.01"), 1)).toBe("mismatch");
    expect(compareTotals(d("2185.92"), d("2185.95"), 5)).toBe("mismatch");
  });
  it("a one-cent difference is a mismatch with one term (0 terms count as 1)", () => {
    expect(compareTotals(d("0.00"), d("0.01"), 0)).toBe("mismatch");
  });
});
