/**
 * Money: parse what accountants really put in amount cells into exact decimals (decimal.js, never binary floats),
 * and compare amounts the way the published tables are rounded (2 decimals).
 */
import Decimal from "decimal.js";
import { isErrorValue, type CellValue } from "./grid";

export { Decimal };

export type Amount =
  | { kind: "empty" }
  /** fromText: the cell held text that reads as a number ("1,234.56", "（12.00）", full-width digits). */
  /**
   * cents: the same amount as an integer number of cents, when it has at most 2 decimals (nearly always): sums of
   * these are exact in plain numbers, so the checks avoid decimal arithmetic on the hot path.
   */
  | { kind: "number"; readonly value: Decimal; fromText: boolean; cents?: number }
  | { kind: "error"; error: string }
  | { kind: "invalid"; text: string };

export const EMPTY: Amount = { kind: "empty" };
export const ZERO = new Decimal(0);

/** Placeholders that mean "no amount" in published tables. */
const EMPTY_MARKS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "－", "－－", "—-", "…", "...", "0.00-", "无"]);

const FULL_WIDTH_MAP: Record<string, string> = {
  "，": ",",
  "．": ".",
  "。": ".",
  "－": "-",
  "−": "-",
  "（": "(",
  "）": ")",
  "＋": "+",
  "　": " ",
};

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** Full-width digits and punctuation to ASCII; strips spaces (incl. NBSP and ideographic). */
export function normaliseNumberText(text: string): string {
  // Printable ASCII without spaces (codes and amounts typed as text) has nothing to map or strip.
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (FULL_WIDTH_MAP[ch] !== undefined) out += FULL_WIDTH_MAP[ch];
    else out += ch;
  }
  return out.replace(/[\s\u00a0\u3000]+/g, "");
}

const ANY_DIGIT = /[0-9\uff10-\uff19]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Parses the text of an amount; returns null if it is not a number at all. */
export function parseAmountText(raw: string): Decimal | null {
  const s = plainAmountText(raw);
  return s === null ? null : new Decimal(s);
}

/** Whether the text reads as an amount (parseAmountText would give a number), without making the decimal. */
export function isAmountText(raw: string): boolean {
  return plainAmountText(raw) !== null;
}

/** The amount text as a plain signed decimal ("（1,234.50）" → "-1234.50"), or null if it is not a number at all. */
function plainAmountText(raw: string): string | null {
  // Every number form below needs a digit (ASCII or full-width): labels, the bulk of text cells, stop here unrebuilt.
  if (!ANY_DIGIT.test(raw)) return null;
  let s = normaliseNumberText(raw);
  if (s === "") return null;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
    // "(-12)" has two signs; reading it as +12 would silently flip an amount, so it is not a number.
    if (/^[+-]/.test(s)) return null;
  }
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(s)) return null;
  return negative ? `-${s}` : s;
}

/** A number from Excel (binary double) as the decimal it displays; strips float noise like 0.30000000000000004. */
export function decimalFromNumber(n: number): Decimal {
  if (Number.isInteger(n)) return new Decimal(n);
  // The shortest repr ("2185.92") is what Excel shows; only float noise ("0.30000000000000004") needs trimming.
  const shortest = String(n);
  if (shortest.length <= 15 && !shortest.includes("e")) return new Decimal(shortest);
  return new Decimal(n.toPrecision(15)).toDecimalPlaces(10);
}

/**
 * A number read from Excel. Its decimal is made on first use: a full check reads every amount cell but sums them in
 * integer cents, so most cells never need one (and the allocation dominated large checks).
 */
class ExcelNumber {
  readonly kind = "number" as const;
  readonly fromText = false;
  private decimal: Decimal | undefined;
  constructor(
    private readonly raw: number,
    readonly cents?: number,
  ) {}
  get value(): Decimal {
    return (this.decimal ??= decimalFromNumber(this.raw));
  }
}

/**
 * A finite number from Excel as a whole number of cents (a safe integer), or undefined when it has more than 2
 * decimals or is too large. Float noise (2185.92 × 100 = 218591.99999999997) is far below the tolerance; 0.125 is not
 * a whole number of cents.
 */
export function wholeCents(value: number): number | undefined {
  const cents = Math.round(value * 100);
  return Number.isSafeInteger(cents) && Math.abs(value * 100 - cents) < 1e-6 ? cents : undefined;
}

export function parseAmount(value: CellValue): Amount {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", text: String(value) };
    return new ExcelNumber(value, wholeCents(value));
  }
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (isErrorValue(value)) return { kind: "error", error: value.error };
  const trimmed = value.trim();
  if (EMPTY_MARKS.has(normaliseNumberText(trimmed)) || EMPTY_MARKS.has(trimmed)) return EMPTY;
  const d = parseAmountText(trimmed);
  if (d === null) return { kind: "invalid", text: trimmed };
  const cents = d.times(100);
  return cents.isInteger() && cents.abs().lessThan(Number.MAX_SAFE_INTEGER)
    ? { kind: "number", value: d, fromText: true, cents: cents.toNumber() }
    : { kind: "number", value: d, fromText: true };
}

/**
 * The kind parseAmount gives, without making the amount of a number (recognition asks of every amount cell only
 * whether it is blank, a number or text).
 */
export function amountKind(value: CellValue): Amount["kind"] {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "number") return Number.isFinite(value) ? "number" : "invalid";
  return parseAmount(value).kind;
}

/** The value to use in sums: numbers as is, everything else as zero. */
export function amountOrZero(a: Amount): Decimal {
  return a.kind === "number" ? a.value : ZERO;
}

export function round2(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function formatAmount(d: Decimal): string {
  return round2(d).toFixed(2);
}

export type Comparison = "equal" | "rounding" | "mismatch";

/**
 * Compares a stated total with the sum of `terms` rounded values (spec §2): both sides rounded to 2 decimals;
 * a difference of at most terms × 0.005 is a rounding difference (warning), beyond that a mismatch (error).
 */
export function compareTotals(stated: Decimal, computed: Decimal, terms: number): Comparison {
  const diff = round2(stated).minus(round2(computed)).abs();
  if (diff.isZero()) return "equal";
  const bound = new Decimal(Math.max(terms, 1)).times("0.005");
  return diff.lessThanOrEqualTo(bound) ? "rounding" : "mismatch";
}

/**
 * The decimals a number format displays ("#,##0.00" → 2, "#,##0" → 0); null when the format says nothing about
 * precision (General, text "@", none). Only the positive section counts; literals and [colour] parts are skipped.
 */
export function displayedDecimals(format: string | null | undefined): number | null {
  if (!format) return null;
  const first = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/general|@/i.test(first) || !/[0#?]/.test(first)) return null;
  const dot = first.indexOf(".");
  if (dot < 0) return 0;
  return (/^[0#?]*/.exec(first.slice(dot + 1)) ?? [""])[0].length;
}
