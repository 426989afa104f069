/**
 * The small parts of an .xlsx, each read once: relationships, the workbook (sheet list, date system), styles (number
 * format per cell style) and shared strings (rich text flattened, phonetic runs dropped).
 */
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";
import { attr, isMain, parsePart, type Tag } from "./xml";
import type { ZipArchive, ZipEntry } from "./zip";

export interface Rel {
  id: string;
  /** The relationship type's last segment ("worksheet", "sharedStrings", "officeDocument"…), transitional or strict. */
  kind: string;
  /** Target part name resolved against the source part, without a leading "/". */
  target: string;
  external: boolean;
}

export interface Ctx {
  zip: ZipArchive;
  file: string;
  limits: ReadLimits;
}

/** The rels part of `source` (e.g. "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"); none is an empty list. */
export function readRels(ctx: Ctx, source: string): Rel[] {
  const slash = source.lastIndexOf("/");
  const dir = slash >= 0 ? source.slice(0, slash + 1) : "";
  const relsName = `${dir}_rels/${source.slice(slash + 1)}.rels`;
  const entry = ctx.zip.get(relsName);
  if (!entry) return [];
  const rels: Rel[] = [];
  parsePart(ctx.zip, entry, ctx.file, ctx.limits, entry.name, {
    open(tag) {
      if (tag.local !== "Relationship") return;
      const id = attr(tag, "Id") ?? "";
      const type = attr(tag, "Type") ?? "";
      const target = attr(tag, "Target") ?? "";
      const external = (attr(tag, "TargetMode") ?? "").toLowerCase() === "external";
      rels.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), target: external ? target : resolveTarget(dir, target), external });
    },
    close() {},
  });
  return rels;
}

/** A relationship target relative to the source part's folder ("worksheets/sheet1.xml", "../media/a.png", "/xl/x.xml"). */
export function resolveTarget(dir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  t = t.replace(/\\/g, "/");
  const parts = (t.startsWith("/") ? t.slice(1) : dir + t).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

export interface SheetRef {
  name: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookPart {
  sheets: SheetRef[];
  date1904: boolean;
  /** The part's root is SpreadsheetML's <workbook>: false for the main part of a Word or PowerPoint file renamed .xlsx. */
  isWorkbook: boolean;
}

export function readWorkbookPart(ctx: Ctx, entry: ZipEntry): WorkbookPart {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let root: boolean | undefined;
  parsePart(ctx.zip, entry, ctx.file, ctx.limits, entry.name, {
    open(tag) {
      root ??= isMain(tag) && tag.local === "workbook";
      if (!isMain(tag)) return;
      if (tag.local === "workbookPr") date1904 = isTrue(attr(tag, "date1904"));
      else if (tag.local === "sheet") {
        const state = attr(tag, "state");
        sheets.push({
          name: attr(tag, "name") ?? "",
          relId: attr(tag, "id", true) ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
        });
      }
    },
    close() {},
  });
  return { sheets, date1904, isWorkbook: root === true };
}

export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/**
 * Built-in number formats (ECMA-376 §18.8.30), with the zh-CN forms of the locale-dependent date and time ids, which
 * is what Excel shows for them on a Chinese system.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Number format code of each cell style index (`s` of a cell); null for General or none. */
export function readStyles(ctx: Ctx, entry: ZipEntry | undefined): (string | null)[] {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  parsePart(ctx.zip, entry, ctx.file, ctx.limits, entry.name, {
    open(tag) {
      if (!isMain(tag)) return;
      if (tag.local === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        const code = attr(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (tag.local === "cellXfs") inCellXfs = true;
      else if (tag.local === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        xfFormatIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(tag: Tag) {
      if (tag.local === "cellXfs" && isMain(tag)) inCellXfs = false;
    },
  });
  return xfFormatIds.map((id) => {
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
    return code === undefined || code === "General" ? null : code;
  });
}

/** Shared strings: `<si>` = its `<t>`, or the concatenated `<r><t>` runs; `<rPh>` (phonetic guides) never counts. */
export function readSharedStrings(ctx: Ctx, entry: ZipEntry): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inPhonetic = 0;
  let inT = false;
  parsePart(ctx.zip, entry, ctx.file, ctx.limits, entry.name, {
    open(tag) {
      if (!isMain(tag)) return;
      switch (tag.local) {
        case "si":
          if (out.length >= ctx.limits.maxSharedStrings)
            throw new WorkbookReadError(ctx.file, "too-large", `over ${ctx.limits.maxSharedStrings} shared strings`, `${entry.name}：超过 ${ctx.limits.maxSharedStrings} 个字符串 / over ${ctx.limits.maxSharedStrings} strings`);
          current = [];
          break;
        case "rPh":
          inPhonetic++;
          break;
        case "t":
          inT = current !== null && inPhonetic === 0;
      }
    },
    text(text) {
      if (!inT || !current) return;
      current.push(text);
      if (current.length > 1 || text.length > ctx.limits.maxStringLength) {
        const length = current.reduce((n, t) => n + t.length, 0);
        if (length > ctx.limits.maxStringLength)
          throw new WorkbookReadError(ctx.file, "too-large", `shared string ${out.length}: ${length} characters`, `${entry.name}：字符串超过 ${ctx.limits.maxStringLength} 个字符 / a string over ${ctx.limits.maxStringLength} characters`);
      }
    },
    close(tag) {
      if (!isMain(tag)) return;
      switch (tag.local) {
        case "si":
          out.push(current ? current.join("") : "");
          current = null;
          break;
        case "rPh":
          inPhonetic--;
          break;
        case "t":
          inT = false;
      }
    },
  });
  return out;
}
