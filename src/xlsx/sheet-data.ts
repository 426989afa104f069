/**
 * The content of a worksheet's `<sheetData>` read straight from the decoded text: rows, cells, values and formulas,
 * with no tag or attribute objects. saxes made several objects per cell and ran its handlers on each; at 100k rows
 * that was most of the reader's time, while the cells are a handful of fixed forms.
 *
 * It reads exactly those forms — `row`, `c`, `v`, `f`, `is`/`t` with any attributes, the predefined entities and
 * character references, white space between tags — and checks them as a conforming parser would: nesting, end tags,
 * quoting, attribute names and their declared prefixes, characters XML forbids. Anything else (a comment, CDATA, a
 * processing instruction, rich or phonetic inline text, a prefixed element, a namespace declaration, an entity
 * reference in an attribute, text where none belongs) throws FastPathUnsupported, and the sheet is read again by saxes
 * alone (src/xlsx/sheet.ts). So every file gives the grid saxes would give, or saxes' own refusal; the fast path
 * only decides how quickly.
 */
import { MAX_COLS, MAX_ROWS, type ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";
import { FastPathUnsupported, type BodyScanner } from "./xml";

/** What a worksheet reader does with the parts of `<sheetData>`, whichever parser met them. */
export interface CellSink {
  /** `<row>`: its 0-based index from `r=`, or -1 without one. */
  row(r: number): void;
  /** `<c>`: its position from `r=` (row × MAX_COLS + column, 0-based) or -1, its `t=` ("" without) and `s=` (-1 without). */
  cell(at: number, t: string, s: number): void;
  /** `<v>` opens. */
  value(): void;
  /** `<f>` opens. */
  formula(t: string | undefined, si: string | undefined, ref: string | undefined): void;
  /** `<is>` opens. */
  inline(): void;
  /** `<t>` opens inside `<is>`. */
  inlineText(): void;
  /** Character data of the open `<v>`, `<f>` or `<t>`, references resolved (possibly in several calls). */
  text(text: string): void;
  /**
   * The whole text of the open `<v>`, s[from, to), free of references, offered in place first: true when the sink
   * took it so (a plain number), false to have it as `text` instead.
   */
  valueAt(s: string, from: number, to: number): boolean;
  /** `</v>`, `</f>` or `</t>`. */
  endCapture(): void;
  /** `</is>`. */
  endInline(): void;
  /** `</c>`. */
  endCell(): void;
}

const enum In {
  SheetData,
  Row,
  Cell,
  V,
  F,
  Is,
  T,
}

const enum El {
  Row,
  C,
  V,
  F,
  Is,
  T,
}

/** End-tag name expected in each state. */
const END_NAME = ["sheetData", "row", "c", "v", "f", "is", "t"];
/** Characters XML 1.0 forbids (TextDecoder already turns broken UTF-8 and lone surrogates into U+FFFD). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is looked for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const INCOMPLETE = -1;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

export class SheetDataScanner implements BodyScanner {
  private state = In.SheetData;
  /** Text from an incomplete tag or text node on, waiting for the next chunk. */
  private pending = "";
  /** Prefixes already found declared. */
  private readonly prefixes = new Set<string>(["xml"]);
  private lastPrefix = "xml";
  // Attributes of the tag being read: where r=, t= and s= values lie (from < 0: absent), si= and ref= as read.
  private rFrom = -1;
  private rTo = -1;
  private tFrom = -1;
  private tTo = -1;
  private sFrom = -1;
  private sTo = -1;
  private si: string | undefined;
  private ref: string | undefined;
  private selfClosing = false;
  /** The next `<` after the last start tag in the current buffer, when known (else -1). */
  private nextLt = -1;
  /** Next `&` at or after the scan position in the current buffer (its length when none). */
  private amp = 0;

  constructor(
    private readonly sink: CellSink,
    private readonly resolve: (prefix: string) => string | undefined,
    private readonly limits: ReadLimits,
    private readonly file: string,
    private readonly where: string,
  ) {}

  write(chunk: string): string | null {
    if (FORBIDDEN.test(chunk)) throw new FastPathUnsupported("a character XML forbids");
    const held = this.pending;
    if (!held) return this.scan(chunk, 0);
    this.pending = "";
    // The tag or text the last chunk cut is finished in a short string of its own, and the chunk is then scanned as
    // the flat string the decoder made: `held + chunk` would be a rope, read character by character at half speed.
    const k = chunk.indexOf(">") + 1;
    if (k > 0) {
      const done = this.scan(held + chunk.slice(0, k), 0);
      if (done !== null) return done + chunk.slice(k);
      if (!this.pending) return this.scan(chunk, k);
    }
    const rest = (this.pending || held) + chunk.slice(k);
    this.pending = "";
    return this.scan(rest, 0);
  }

  /** Scans s from `from`: the text from `</sheetData>` on once met, else null (an unfinished end kept as pending). */
  private scan(s: string, from: number): string | null {
    this.nextLt = -1;
    const n = s.length;
    this.amp = s.indexOf("&", from);
    if (this.amp < 0) this.amp = n;
    let i = from;
    while (i < n) {
      // The next tag was found already when the last start tag was checked for a < inside it.
      const lt = this.nextLt >= i ? this.nextLt : s.indexOf("<", i);
      this.nextLt = -1;
      if (lt < 0) break;
      if (lt > i) this.text(s, i, lt);
      if (this.amp < lt) {
        this.amp = s.indexOf("&", lt);
        if (this.amp < 0) this.amp = n;
      }
      if (s.charCodeAt(lt + 1) === 47) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) {
          i = lt;
          break;
        }
        if (this.endTag(s, lt, gt)) return s.slice(lt);
        i = gt + 1;
      } else {
        const end = this.startTag(s, lt);
        if (end === INCOMPLETE) {
          i = lt;
          break;
        }
        i = end;
      }
      if (this.amp < i) {
        this.amp = s.indexOf("&", i);
        if (this.amp < 0) this.amp = n;
      }
    }
    if (i < n) {
      if (n - i > this.limits.maxStringLength)
        throw new WorkbookReadError(this.file, "too-large", `${this.where}: ${n - i} characters without a tag`, `${this.where}：文本过长 / text too long`);
      this.pending = s.slice(i);
    }
    return null;
  }

  /** Text between two tags: the value being captured, or white space. */
  private text(s: string, from: number, to: number): void {
    const state = this.state;
    if (state === In.V || state === In.F || state === In.T) {
      if (state === In.V && this.amp >= to && this.sink.valueAt(s, from, to)) return;
      let raw = s.slice(from, to);
      if (raw.includes("]]>")) throw new FastPathUnsupported("]]> in text");
      // Line ends are normalised before references are resolved, so a &#13; stays a carriage return.
      if (raw.includes("\r")) raw = raw.replace(/\r\n?/g, "\n");
      this.sink.text(this.amp < to ? decodeText(raw) : raw);
      return;
    }
    for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) throw new FastPathUnsupported("text outside a value");
  }

  /** `</name>` from lt to gt; true when it ends `<sheetData>`. */
  private endTag(s: string, lt: number, gt: number): boolean {
    const state = this.state;
    const name = END_NAME[state];
    let k = lt + 2 + name.length;
    if (k > gt || !s.startsWith(name, lt + 2)) throw new FastPathUnsupported("end tag");
    for (; k < gt; k++) if (!isSpace(s.charCodeAt(k))) throw new FastPathUnsupported("end tag");
    const sink = this.sink;
    switch (state) {
      case In.SheetData:
        return true;
      case In.Row:
        this.state = In.SheetData;
        break;
      case In.Cell:
        sink.endCell();
        this.state = In.Row;
        break;
      case In.V:
      case In.F:
        sink.endCapture();
        this.state = In.Cell;
        break;
      case In.T:
        sink.endCapture();
        this.state = In.Is;
        break;
      case In.Is:
        sink.endInline();
        this.state = In.Cell;
        break;
    }
    return false;
  }

  /** A start (or empty-element) tag at lt: the index after it, or INCOMPLETE when the buffer ends inside it. */
  private startTag(s: string, lt: number): number {
    const n = s.length;
    let j = lt + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === 47 || c === 62) break;
      j++;
    }
    if (j >= n) return INCOMPLETE;
    const el = elementOf(s, lt + 1, j - lt - 1);
    const state = this.state;
    if (
      el < 0 ||
      !(
        (el === El.Row && state === In.SheetData) ||
        (el === El.C && state === In.Row) ||
        ((el === El.V || el === El.F || el === El.Is) && state === In.Cell) ||
        (el === El.T && state === In.Is)
      )
    )
      throw new FastPathUnsupported(`<${s.slice(lt + 1, Math.min(j, lt + 40))}> here`);
    const end = this.attributes(s, j);
    if (end === INCOMPLETE) return INCOMPLETE;
    const next = s.indexOf("<", lt + 1);
    if (next >= 0 && next < end) throw new FastPathUnsupported("< in an attribute");
    this.nextLt = next;
    if (this.amp < end) throw new FastPathUnsupported("a reference in an attribute");
    const sink = this.sink;
    const selfClosing = this.selfClosing;
    switch (el) {
      case El.Row: {
        const r = this.rFrom < 0 ? -1 : rowNumberAt(s, this.rFrom, this.rTo);
        if (r === INVALID_REF) throw new FastPathUnsupported("row number");
        sink.row(r);
        if (!selfClosing) this.state = In.Row;
        break;
      }
      case El.C: {
        const at = this.rFrom < 0 ? -1 : cellRefAt(s, this.rFrom, this.rTo);
        if (at === INVALID_REF) throw new FastPathUnsupported("cell reference");
        sink.cell(at, this.tFrom < 0 ? "" : typeAt(s, this.tFrom, this.tTo), this.sFrom < 0 ? -1 : styleAt(s, this.sFrom, this.sTo));
        if (selfClosing) {
          sink.endCell();
          break;
        }
        this.state = In.Cell;
        // Most cells are <c …><v>text</v></c>: read in one step, with the calls the three tags would make.
        if (s.charCodeAt(end) === 60 && s.charCodeAt(end + 1) === 118 && s.charCodeAt(end + 2) === 62) {
          const lt2 = s.indexOf("<", end + 3);
          if (lt2 >= 0 && s.startsWith("</v></c>", lt2)) {
            sink.value();
            this.state = In.V;
            if (lt2 > end + 3) this.text(s, end + 3, lt2);
            sink.endCapture();
            sink.endCell();
            this.state = In.Row;
            return lt2 + 8;
          }
        }
        break;
      }
      case El.V:
        sink.value();
        if (selfClosing) sink.endCapture();
        else this.state = In.V;
        break;
      case El.F:
        sink.formula(this.tFrom < 0 ? undefined : typeAt(s, this.tFrom, this.tTo), this.si, this.ref);
        if (selfClosing) sink.endCapture();
        else this.state = In.F;
        break;
      case El.Is:
        sink.inline();
        if (selfClosing) sink.endInline();
        else this.state = In.Is;
        break;
      case El.T:
        sink.inlineText();
        if (selfClosing) sink.endCapture();
        else this.state = In.T;
        break;
    }
    return end;
  }

  /** Attributes from j to the tag's end: sets r, t, s, si, ref and selfClosing; the index after `>`, or INCOMPLETE. */
  private attributes(s: string, j: number): number {
    const n = s.length;
    this.rFrom = this.tFrom = this.sFrom = -1;
    this.si = this.ref = undefined;
    let seen = 0;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return INCOMPLETE;
      const c = s.charCodeAt(j);
      if (c === 62) {
        this.selfClosing = false;
        return j + 1;
      }
      if (c === 47) {
        if (j + 1 >= n) return INCOMPLETE;
        if (s.charCodeAt(j + 1) !== 62) throw new FastPathUnsupported("/ in a tag");
        this.selfClosing = true;
        return j + 2;
      }
      let key: number;
      let from: number;
      let close: number;
      if ((c === 114 || c === 115 || c === 116) && s.charCodeAt(j + 1) === 61 && s.charCodeAt(j + 2) === 34) {
        // r="…", s="…", t="…" as every producer writes them, without the general name and spacing loops.
        from = j + 3;
        close = s.indexOf('"', from);
        if (close < 0) return INCOMPLETE;
        key = c === 114 ? R : c === 115 ? S : T;
      } else {
        const a = j;
        let colon = -1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (isSpace(d) || d === 61 || d === 62 || d === 47) break;
          if (d === 58 && colon < 0) colon = j;
          j++;
        }
        if (j >= n) return INCOMPLETE;
        const len = j - a;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return INCOMPLETE;
        if (len === 0 || s.charCodeAt(j) !== 61) throw new FastPathUnsupported("attribute syntax");
        j++;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return INCOMPLETE;
        const q = s.charCodeAt(j);
        if (q !== 34 && q !== 39) throw new FastPathUnsupported("unquoted attribute");
        from = j + 1;
        close = s.indexOf(q === 34 ? '"' : "'", from);
        if (close < 0) return INCOMPLETE;
        key = len <= 3 && colon < 0 ? knownAttribute(s, a, len) : 0;
        if (!key) this.checkName(s, a, len, colon);
      }
      if (key) {
        if (seen & key) throw new FastPathUnsupported("a repeated attribute");
        seen |= key;
        this.keep(s, key, from, close);
      }
      j = close + 1;
      if (j >= n) return INCOMPLETE;
      const after = s.charCodeAt(j);
      if (!isSpace(after) && after !== 62 && after !== 47) throw new FastPathUnsupported("attributes not separated");
    }
  }

  /**
   * The value s[from, to) of r, t or s, kept in place (no string made; a tab or line break in them is invalid
   * either way), or of si or ref, kept as a string.
   */
  private keep(s: string, key: number, from: number, to: number): void {
    if (key === R) {
      this.rFrom = from;
      this.rTo = to;
    } else if (key === T) {
      this.tFrom = from;
      this.tTo = to;
    } else if (key === S) {
      this.sFrom = from;
      this.sTo = to;
    } else {
      const value = s.slice(from, to);
      // XML turns these into blanks, and si= names a formula: leave that to saxes.
      if (hasSpaceOtherThanBlank(value)) throw new FastPathUnsupported("white space in an attribute");
      if (key === SI) this.si = value;
      else this.ref = value;
    }
  }

  /** Any other attribute: a well-formed name whose prefix, if any, is declared; never a namespace declaration. */
  private checkName(s: string, a: number, len: number, colon: number): void {
    const first = s.charCodeAt(a);
    if ((first >= 48 && first <= 57) || first === 45 || first === 46 || first === 58 || colon === a + len - 1)
      throw new FastPathUnsupported("attribute name");
    if (len === 5 && s.startsWith("xmlns", a)) throw new FastPathUnsupported("a namespace declaration");
    if (colon < 0) return;
    // The prefix last found declared, compared in place: Excel writes x14ac:dyDescent on every row.
    const last = this.lastPrefix;
    if (colon - a === last.length && s.startsWith(last, a)) return;
    const prefix = s.slice(a, colon);
    if (!this.prefixes.has(prefix)) {
      if (prefix === "xmlns" || this.resolve(prefix) === undefined) throw new FastPathUnsupported(`prefix ${prefix}`);
      this.prefixes.add(prefix);
    }
    this.lastPrefix = prefix;
  }
}

const R = 1;
const T = 2;
const S = 4;
const SI = 8;
const REF = 16;

/** r, t, s, si or ref as a bit; 0 for any other name. Which apply to which element does not matter: unused ones are ignored. */
function knownAttribute(s: string, a: number, len: number): number {
  const c = s.charCodeAt(a);
  if (len === 1) return c === 114 ? R : c === 116 ? T : c === 115 ? S : 0;
  if (len === 2) return c === 115 && s.charCodeAt(a + 1) === 105 ? SI : 0;
  return c === 114 && s.charCodeAt(a + 1) === 101 && s.charCodeAt(a + 2) === 102 ? REF : 0;
}

function elementOf(s: string, at: number, len: number): number {
  const c = s.charCodeAt(at);
  if (len === 1) return c === 99 ? El.C : c === 118 ? El.V : c === 102 ? El.F : c === 116 ? El.T : -1;
  if (len === 2) return c === 105 && s.charCodeAt(at + 1) === 115 ? El.Is : -1;
  if (len === 3) return c === 114 && s.charCodeAt(at + 1) === 111 && s.charCodeAt(at + 2) === 119 ? El.Row : -1;
  return -1;
}

/** Tab, line feed or carriage return: XML turns them into blanks in attribute values, which these never hold. */
function hasSpaceOtherThanBlank(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

/** A cell or row reference that is not one; what the readers refuse. */
export const INVALID_REF = -2;

/**
 * The cell reference in s[from, to) ("B12", case-insensitive, no $) as row × MAX_COLS + column, 0-based; -1 when
 * empty, INVALID_REF when not a reference inside Excel's grid. Read in place: a sheet has one per cell.
 */
export function cellRefAt(s: string, from: number, to: number): number {
  if (from >= to) return -1;
  let i = from;
  let c = 0;
  for (; i < to; i++) {
    const code = s.charCodeAt(i);
    if (code >= 65 && code <= 90) c = c * 26 + code - 64;
    else if (code >= 97 && code <= 122) c = c * 26 + code - 96;
    else break;
    if (c > MAX_COLS) return INVALID_REF;
  }
  if (i === from) return INVALID_REF;
  const r = rowNumberAt(s, i, to);
  return r < 0 ? INVALID_REF : r * MAX_COLS + c - 1;
}

/** The 1-based row number in s[from, to) as a 0-based index; -1 when empty, INVALID_REF when not a row of the grid. */
export function rowNumberAt(s: string, from: number, to: number): number {
  if (from >= to) return -1;
  let n = 0;
  let i = from;
  for (; i < to && i - from < 8; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  // Anything but plain digits is judged as Number() would (" 12", "12.0"), so every producer's form reads alike.
  if (i < to) n = Number(s.slice(from, to));
  return Number.isInteger(n) && n >= 1 && n <= MAX_ROWS ? n - 1 : INVALID_REF;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal in s[from, to) — an optional "-", digits, an optional "." and digits, at most 15 digits in all — as
 * the number `Number()` makes of it; NaN for anything else (the caller then uses Number() itself). Exact: the digits
 * form an integer below 10^15 (a double holds it exactly), 10^k is exact for k ≤ 15, and one IEEE division of exact
 * operands is correctly rounded, which is what Number()'s decimal conversion is too.
 */
export function plainNumberAt(s: string, from: number, to: number): number {
  let i = from;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  let n = 0;
  let digits = 0;
  let frac = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + c - 48;
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const x = frac > 0 ? n / POW10[frac] : n;
  return neg ? -x : x;
}

/** `t=` of a cell or formula: the usual values as constants, so no string is made per cell. */
function typeAt(s: string, from: number, to: number): string {
  const len = to - from;
  const c = s.charCodeAt(from);
  if (len === 1) {
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
  } else if (len === 3 && s.startsWith("str", from)) return "str";
  else if (len === 9 && s.startsWith("inlineStr", from)) return "inlineStr";
  else if (len === 6 && s.startsWith("shared", from)) return "shared";
  return s.slice(from, to);
}

/** `s=`: plain digits read in place; anything else as Number() reads it, as the saxes path does. */
function styleAt(s: string, from: number, to: number): number {
  let n = 0;
  if (to - from > 0 && to - from < 10) {
    for (let i = from; i < to; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return Number(s.slice(from, to));
      n = n * 10 + d;
    }
    return n;
  }
  return Number(s.slice(from, to));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Resolves the predefined entities and character references; any other reference goes to saxes. */
export function decodeText(raw: string): string {
  let out = "";
  let from = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", from)) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0) throw new FastPathUnsupported("& without ;");
    const body = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (body.charCodeAt(0) === 35) {
      const hex = body.charCodeAt(1) === 120;
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw new FastPathUnsupported("character reference");
      const cp = parseInt(digits, hex ? 16 : 10);
      const ok = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) throw new FastPathUnsupported("character reference");
      ch = String.fromCodePoint(cp);
    } else ch = NAMED[body];
    if (ch === undefined) throw new FastPathUnsupported(`entity &${body.slice(0, 20)};`);
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + raw.slice(from);
}
