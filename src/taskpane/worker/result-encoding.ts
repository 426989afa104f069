/**
 * Check results as they cross between the worker and the pane: a finding already sent travels as its index in the
 * previous result. Kept apart from the worker's handler so the pane's bundle does not pull in what the worker needs
 * (the catalogue data, which the pane loads lazily).
 */
import type { CheckResult, Finding } from "../../core/finding";
import type { EncodedResult } from "./protocol";

/** The worker's side: remembers what it sent, to send unchanged findings (same objects) as indices next time. */
export class ResultEncoder {
  private sent = new Map<Finding, number>();

  reset(): void {
    this.sent = new Map();
  }

  encode(result: CheckResult): EncodedResult {
    const findings = result.findings.map((f) => this.sent.get(f) ?? f);
    this.sent = new Map(result.findings.map((f, i) => [f, i]));
    return { tables: result.tables, findings };
  }
}

/** The result an EncodedResult stands for, given the findings of the result sent before it. */
export function decodeResult(encoded: EncodedResult, previous: readonly Finding[]): CheckResult {
  return {
    tables: encoded.tables,
    findings: encoded.findings.map((f) => {
      if (typeof f !== "number") return f;
      const known = previous[f];
      if (!known) throw new Error(`check worker: finding ${f} of the previous result is missing`);
      return known;
    }),
  };
}
