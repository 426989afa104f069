/**
 * Check results as they cross between the worker and the pane. "open" sends the whole result; an edit sends only
 * the session's delta, its findings that went named by their index in the result sent before and its new findings
 * with their index in the new result, so the pane rebuilds the list without comparing a single finding. Kept apart
 * from the worker's handler so the pane's bundle does not pull in what the worker needs (the catalogue data).
 */
import type { CheckResult, Finding } from "../../core/finding";
import type { FindingDelta } from "../../core/finding-delta";
import type { EncodedDelta } from "./protocol";

/** The worker's side: remembers the findings it sent, to name the ones an edit removed by index. */
export class ResultEncoder {
  private sent: readonly Finding[] = [];

  full(result: CheckResult): CheckResult {
    this.sent = result.findings;
    return result;
  }

  delta(result: CheckResult, delta: FindingDelta): EncodedDelta {
    const gone = new Set<Finding>([...delta.removed, ...delta.changed.map((c) => c.before)]);
    const before = new Map<Finding, number>();
    if (gone.size > 0) this.sent.forEach((f, i) => gone.has(f) && before.set(f, i));
    const fresh = new Set<Finding>([...delta.added, ...delta.changed.map((c) => c.after)]);
    const at = new Map<Finding, number>();
    if (fresh.size > 0) result.findings.forEach((f, i) => fresh.has(f) && at.set(f, i));
    const index = (m: Map<Finding, number>, f: Finding): number => {
      const i = m.get(f);
      if (i === undefined) throw new Error("check worker: the delta names a finding not in its result");
      return i;
    };
    this.sent = result.findings;
    return {
      tables: result.tables,
      removed: delta.removed.map((f) => index(before, f)),
      added: delta.added.map((f) => ({ at: index(at, f), finding: f })),
      changed: delta.changed.map((c) => ({ from: index(before, c.before), at: index(at, c.after), finding: c.after })),
    };
  }
}

/** The result and delta an EncodedDelta stands for, given the findings of the result sent before it. */
export function decodeDelta(encoded: EncodedDelta, previous: readonly Finding[]): { result: CheckResult; delta: FindingDelta } {
  const known = (i: number): Finding => {
    const f = previous[i];
    if (!f) throw new Error(`check worker: finding ${i} of the previous result is missing`);
    return f;
  };
  const delta: FindingDelta = {
    removed: encoded.removed.map(known),
    added: encoded.added.map((a) => a.finding),
    changed: encoded.changed.map((c) => ({ before: known(c.from), after: c.finding })),
  };
  const skip = new Set([...encoded.removed, ...encoded.changed.map((c) => c.from)]);
  const inserts = [...encoded.added, ...encoded.changed].sort((a, b) => a.at - b.at);
  const findings: Finding[] = [];
  let j = 0;
  let k = 0;
  const size = previous.length - skip.size + inserts.length;
  for (let i = 0; i < size; i++) {
    if (k < inserts.length && inserts[k].at === i) {
      findings.push(inserts[k++].finding);
      continue;
    }
    while (skip.has(j)) j++;
    if (j >= previous.length) throw new Error("check worker: the delta does not fit the previous result");
    findings.push(previous[j++]);
  }
  return { result: { tables: encoded.tables, findings }, delta };
}
