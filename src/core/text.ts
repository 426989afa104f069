/** Label and code normalisation shared by recognition and rules. */

const HALF_WIDTH: Record<string, string> = {
  "（": "(",
  "）": ")",
  "【": "[",
  "】": "]",
  "：": ":",
  "，": ",",
  "；": ";",
  "“": '"',
  "”": '"',
  "＂": '"',
  "、": "、",
};

const NEEDS_NORMALISING = /[^\x21-\x7e\u4e00-\u9fff、]/;

/** Removes all whitespace, maps full-width brackets/colons/digits to ASCII; keeps 、 (ordinal separator). */
export function normaliseLabel(text: string): string {
  // Most labels are plain CJK and ASCII already: skip the rebuild (this runs for every text cell of a sheet).
  if (!NEEDS_NORMALISING.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (code >= 0xff21 && code <= 0xff5a && code !== 0xff3c) out += String.fromCharCode(code - 0xfee0);
    else if (HALF_WIDTH[ch] !== undefined) out += HALF_WIDTH[ch];
    else out += ch;
  }
  return out.replace(/[\s\u00a0\u3000]+/g, "");
}

const CN_DIGITS = "一二三四五六七八九";

/** 1–99 written in Chinese (一, 十, 十二, 二十, 九十九), as 栏次 rows number columns; null for anything else. */
export function smallChineseNumber(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === "") return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? CN_DIGITS.indexOf(a) + 1 : null;
  return (a ? CN_DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? CN_DIGITS.indexOf(b) + 1 : 0);
}

const CN_NUMERAL = "[一二三四五六七八九十百零〇]+";
const ORDINAL_L1 = new RegExp(`^${CN_NUMERAL}[、.．]`);
const ORDINAL_L2 = new RegExp(`^\\(${CN_NUMERAL}\\)`);
const ORDINAL_L3 = /^\d+[、.．)](?!\d)/;

export interface OrdinalLabel {
  /** 1 for 一、, 2 for （一）, 3 for 1. ; 0 when the label carries no ordinal. */
  level: number;
  /** The label without its ordinal prefix and without a leading 其中：. */
  text: string;
  /** The label starts with 其中 (a breakdown of the row above, not an addend). */
  breakdown: boolean;
}

/** Splits "八、社会保障和就业支出" / "（十）卫生健康支出" / "其中：财政拨款" into ordinal level and text. */
export function parseOrdinalLabel(label: string): OrdinalLabel {
  let s = normaliseLabel(label);
  let level = 0;
  const m1 = ORDINAL_L1.exec(s);
  const m2 = ORDINAL_L2.exec(s);
  const m3 = ORDINAL_L3.exec(s);
  if (m1) {
    level = 1;
    s = s.slice(m1[0].length);
  } else if (m2) {
    level = 2;
    s = s.slice(m2[0].length);
  } else if (m3) {
    level = 3;
    s = s.slice(m3[0].length);
  }
  let breakdown = false;
  const q = /^其中[:：]?/.exec(s);
  if (q) {
    breakdown = true;
    s = s.slice(q[0].length);
  }
  return { level, text: s, breakdown };
}

/** Digits of a code cell: "2080505", 208 (number), "２０８", "208 05" → "20805"; null if not a code. */
export function codeDigits(text: string): string | null {
  // Most codes are plain ASCII digits already, which normalising keeps as they are.
  if (isAsciiDigits(text)) return text;
  const s = normaliseLabel(text);
  if (s === "") return null;
  if (!/^\d+$/.test(s)) return null;
  return s;
}

function isAsciiDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "2080505 行政单位离退休" / "2080505行政单位离退休" → code + name, when a cell holds both. */
export function splitCodeAndName(text: string): { code: string; name: string } | null {
  // A label starting with a Han character or an ASCII letter or sign (no space, no digit) holds no code: most do.
  const first = text.charCodeAt(0);
  if ((first >= 0x4e00 && first <= 0x9fff) || (first > 0x20 && first < 0x7f && (first < 0x30 || first > 0x39))) return null;
  const t = text.trim().replace(/^[\s\u3000]+/, "");
  const m = /^([0-9０-９]{3,9})[\s\u3000]*([^\d\s].*)$/.exec(t);
  if (!m) return null;
  const code = codeDigits(m[1]);
  return code ? { code, name: m[2].trim() } : null;
}

/** Text shortened for a message: at most `max` characters, then "…" (a pasted document must not become the message). */
export function clip(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
