/**
 * The frame every template shares (spec §1 / fixtures): title merged across the table, the unit line (unit name,
 * 预算年度, 单位), the merged multi-row header and the 栏次 row. The 栏次 row also ends the header for the
 * recogniser, so label-only data rows of an empty table are never taken for header rows.
 */
import { BlockBuilder } from "./block-builder";
import { headerWidth, layoutHeader, type ColumnNode, type HeaderLayout } from "./header";
import { templateTitle } from "./titles";
import type { TemplateBlock, TemplateKind, TemplateOptions, TemplateStyle } from "./types";

export interface Frame {
  kind: TemplateKind;
  style: TemplateStyle;
  title: string;
  b: BlockBuilder;
  header: HeaderLayout;
  headerFirst: number;
  headerLast: number;
  lanciRow: number;
  /** First data row. */
  bodyStart: number;
}

export function styleOf(options: TemplateOptions): TemplateStyle {
  return options.style ?? "unit";
}

export function openFrame(kind: TemplateKind, options: TemplateOptions, columns: ColumnNode[]): Frame {
  const style = styleOf(options);
  const width = headerWidth(columns);
  const b = new BlockBuilder(width);
  const title = templateTitle(kind, style, options.year);
  b.set(0, 0, title);
  b.merge(0, 0, 0, width - 1);
  b.setHeight(0, 30);
  writeUnitLine(b, options, style, width);
  const header = layoutHeader(b, columns, 2);
  const headerLast = 2 + header.depth - 1;
  const lanciRow = headerLast + 1;
  let n = 1;
  for (const leaf of header.leaves) b.set(lanciRow, leaf.col, leaf.role === "index" ? "栏次" : n++);
  return { kind, style, title, b, header, headerFirst: 2, headerLast, lanciRow, bodyStart: lanciRow + 1 };
}

/** Unit name at the left, 预算年度 in the middle, 单位 at the right edge (as the Hebei tables print it). */
function writeUnitLine(b: BlockBuilder, options: TemplateOptions, style: TemplateStyle, width: number): void {
  const nameText = style === "department" ? `部门名称：${options.unitName}` : `${options.unitCode ?? ""}${options.unitName}`;
  const middle = Math.max(1, Math.floor(width / 2));
  b.set(1, 0, nameText);
  b.merge(1, 0, 1, middle - 1);
  if (middle < width - 1) b.set(1, middle, `预算年度：${options.year}`);
  b.set(1, width - 1, `单位：${options.measure}`);
}

/**
 * Tables many units publish empty carry the published statement, so a freshly inserted set checks clean; once the
 * user types amounts, the document rules ask for the statement to go (a table with the statement must be empty).
 */
const EMPTY_STATEMENTS: Partial<Record<TemplateKind, string>> = {
  "fund-expenditure": "注：本单位无政府性基金预算财政拨款安排的支出，空表列示。",
  "state-capital-expenditure": "注：本单位无国有资本经营预算财政拨款安排的支出，空表列示。",
  "three-public": "注：本单位无财政拨款安排的“三公”经费支出，空表列示。",
  "project-expenditure": "注：本单位无项目支出预算，空表列示。",
};

export function closeFrame(frame: Frame, totalRows: number[]): TemplateBlock {
  const bodyLast = frame.b.rowCount - 1;
  const statement = EMPTY_STATEMENTS[frame.kind];
  let statementRow: number | undefined;
  if (statement) {
    statementRow = bodyLast + 1;
    frame.b.set(statementRow, 0, statement);
    frame.b.merge(statementRow, 0, statementRow, frame.b.colCount - 1);
  }
  const built = frame.b.build();
  const colCount = frame.b.colCount;
  return {
    kind: frame.kind,
    style: frame.style,
    title: frame.title,
    rowCount: frame.b.rowCount,
    colCount,
    ...built,
    regions: {
      titleRow: 0,
      unitRow: 1,
      headerRows: { first: frame.headerFirst, last: frame.headerLast },
      lanciRow: frame.lanciRow,
      bodyRows: { first: frame.bodyStart, last: bodyLast },
      totalRows: [...totalRows].sort((a, b) => a - b),
      statementRow,
    },
    print: {
      orientation: colCount > 7 ? "landscape" : "portrait",
      fitToPagesWide: 1,
      repeatRows: { first: frame.headerFirst, last: frame.lanciRow },
    },
  };
}
