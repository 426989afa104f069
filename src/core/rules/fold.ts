/**
 * One wrong amount, one finding (issue 14): the sum findings that blame the same cell fold into one, listing every
 * identity that reads it; it states one expected value only when they all agree on it. Its `fix` (the pane's quick
 * fix) is set only when writing that value makes every identity reading the cell hold — failed or not — so a quick
 * fix never trades one error for another. O(findings × identities reading their cells).
 */
import { a1, findingCellKey as keyOf, type Finding, type Severity } from "../finding";
import { parseAmount } from "../money";
import { CellNumbering } from "../cell-number";
import { evaluate, type AmountReader, type CellKey, type Evaluation, type Identity } from "./identity";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function foldFindings(
  items: Array<{ finding: Finding; evaluation: Evaluation }>,
  read: AmountReader,
  readersOf: (cell: CellKey) => readonly Identity[],
): Finding[] {
  const groups = new Map<string, Array<{ finding: Finding; evaluation: Evaluation }>>();
  const order: string[] = [];
  for (const item of withoutConsequences(items)) {
    const c = item.finding.cells[0];
    const k = keyOf(c);
    const g = groups.get(k);
    if (g) g.push(item);
    else {
      groups.set(k, [item]);
      order.push(k);
    }
  }
  return order.map((k) => {
    const group = groups.get(k)!;
    const c = group[0].finding.cells[0];
    const blank = read({ sheet: c.sheet, row: c.row, col: c.col }).kind === "empty";
    const folded = group.length === 1 ? group[0].finding : fold(group.map((x) => x.finding), group.map((x) => x.evaluation.identity), blank);
    return withFix(folded, read, readersOf);
  });
}

/**
 * A cross-table sum that fails only because it reads a cell an in-table sum already blames (a blank 类 row in the
 * 支出总表 read by the 一般公共预算 comparison) is a consequence: the in-table finding names the root cause.
 */
function withoutConsequences(items: Array<{ finding: Finding; evaluation: Evaluation }>): Array<{ finding: Finding; evaluation: Evaluation }> {
  const blamed = new Set<string>();
  for (const { finding, evaluation } of items)
    if (evaluation.identity.tables.length === 1 && finding.severity === "error") blamed.add(keyOf(finding.cells[0]));
  if (blamed.size === 0) return items;
  return items.filter(({ finding, evaluation }) => {
    if (evaluation.identity.tables.length < 2) return true;
    if (blamed.has(keyOf(finding.cells[0]))) return true;
    return !finding.cells.some((c) => blamed.has(keyOf(c)));
  });
}

function fold(findings: Finding[], identities: Identity[], blank: boolean): Finding {
  const first = findings[0];
  const severity = findings.reduce<Severity>((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), "info");
  const seen = new Set<string>();
  const cells = findings.flatMap((f) => f.cells).filter((c) => {
    const k = keyOf(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const where = `${first.cells[0].sheet}!${a1(first.cells[0])}`;
  const expectations = new Set(findings.map((f) => f.expected));
  const agree = expectations.size === 1 && first.expected !== undefined;
  const zh = identities.map((id, i) => (agree ? id.zh : `${id.zh}（应为 ${findings[i].expected}）`)).join("；");
  const en = identities.map((id, i) => (agree ? id.en : `${id.en} (should be ${findings[i].expected})`)).join("; ");
  const out: Finding = {
    rule: first.rule,
    severity,
    message: agree
      ? `${where} ${blank ? "为空白" : `实为 ${first.actual}`}，应为 ${first.expected}；${findings.length} 项核对都读取此格。依据：${zh}。`
      : `${where} ${blank ? "为空白" : `为 ${first.actual}`}，${findings.length} 项核对都读取此格且结论不一（可能不止一处有误）：${zh}。`,
    messageEn: agree
      ? `${where} ${blank ? "is blank" : `is ${first.actual}`} and should be ${first.expected}; ${findings.length} checks read this cell. Rules: ${en}.`
      : `${where} ${blank ? "is blank" : `is ${first.actual}`}; ${findings.length} checks read this cell and disagree on its value (more than one cell may be wrong): ${en}.`,
    cells,
  };
  const also = [...new Set(findings.slice(1).map((f) => f.rule))].filter((r) => r !== first.rule);
  if (also.length) out.also = also;
  if (agree) out.expected = first.expected;
  if (first.actual !== undefined) out.actual = first.actual;
  return out;
}

/** The finding with `fix` when its expected value, written into cells[0], makes every identity reading it hold. */
function withFix(f: Finding, read: AmountReader, readersOf: (cell: CellKey) => readonly Identity[]): Finding {
  if (f.expected === undefined || !/^-?\d+(\.\d+)?$/.test(f.expected) || f.expected.startsWith("-")) return f;
  const { row, col } = f.cells[0];
  const cell: CellKey = { sheet: f.cells[0].sheet, row, col };
  const value = parseAmount(Number(f.expected));
  const patched: AmountReader = (c) => (c.sheet === cell.sheet && c.row === row && c.col === col ? value : read(c));
  const readers = readersOf(cell);
  if (readers.length === 0) return f;
  for (const id of readers) {
    if (![...id.left, ...id.right].some((c) => CellNumbering.same(c, cell))) continue;
    const e = evaluate(id, patched);
    if (!e || e.outcome === "mismatch") return f;
  }
  return { ...f, fix: f.expected };
}
