/**
 * What an edit changed in the findings, computed once by the session (issue 17 item 3) and passed on unchanged: the
 * check worker sends it, the tolerance filter maps it, the marks apply it. Nobody downstream re-diffs the list.
 */
import { findingCellKey, sameCell, type Finding } from "./finding";

export interface FindingDelta {
  /** Findings new after the edit, in result order. */
  added: Finding[];
  /** Findings gone after the edit (the objects of the result before it). */
  removed: Finding[];
  /** Same key (rule and cells), other content: a sum whose actual value moved, a note reworded. */
  changed: { before: Finding; after: Finding }[];
}

export function emptyDelta(): FindingDelta {
  return { added: [], removed: [], changed: [] };
}

export function isEmptyDelta(d: FindingDelta): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

/** Stable across edits: the rule and the cells it names (a moved actual value keeps the key). */
export function findingKey(f: Finding): string {
  let k = f.rule;
  for (const c of f.cells) k += `|${findingCellKey(c)}`;
  return k;
}

/**
 * The delta from `before` to `after`, and `after` with each finding equal in content to one before replaced by that
 * earlier object, so a finding that did not change keeps its identity from edit to edit (the worker sends such
 * findings as indices, the marks leave them alone). Findings kept as the same object cost one set lookup each.
 */
export function diffFindings(
  before: readonly Finding[],
  after: readonly Finding[],
): { findings: Finding[]; delta: FindingDelta; replaced: Map<Finding, Finding> } {
  const afterSet = new Set(after);
  const gone = new Map<string, Finding[]>();
  for (const f of before) {
    if (afterSet.has(f)) continue;
    const k = findingKey(f);
    const list = gone.get(k);
    if (list) list.push(f);
    else gone.set(k, [f]);
  }
  const beforeSet = new Set(before);
  const delta = emptyDelta();
  const replaced = new Map<Finding, Finding>();
  const findings = after.map((f) => {
    if (beforeSet.has(f)) return f;
    const list = gone.get(findingKey(f));
    const old = list?.shift();
    if (!old) {
      delta.added.push(f);
      return f;
    }
    if (sameContent(old, f)) {
      replaced.set(f, old);
      return old;
    }
    delta.changed.push({ before: old, after: f });
    return f;
  });
  for (const f of before) if (!afterSet.has(f) && gone.get(findingKey(f))?.includes(f)) delta.removed.push(f);
  return { findings, delta, replaced };
}

function sameContent(a: Finding, b: Finding): boolean {
  return (
    a.severity === b.severity &&
    a.message === b.message &&
    a.messageEn === b.messageEn &&
    a.expected === b.expected &&
    a.actual === b.actual &&
    a.fix === b.fix &&
    // A table removed or inserted renumbers the ones after it on its sheet: the finding then belongs to a table of another id.
    a.table === b.table &&
    (a.also ?? []).join(",") === (b.also ?? []).join(",") &&
    a.cells.length === b.cells.length &&
    a.cells.every((c, i) => sameCell(c, b.cells[i]))
  );
}

/** The same delta with every finding mapped (the tolerance filter: `map` must return one object per finding). */
export function mapDelta(d: FindingDelta, map: (f: Finding) => Finding): FindingDelta {
  return {
    added: d.added.map(map),
    removed: d.removed.map(map),
    changed: d.changed.map((c) => ({ before: map(c.before), after: map(c.after) })),
  };
}
