/**
 * What the check worker does with each message, apart from the worker plumbing so that it runs in tests: one live
 * CheckSession, replaced by "open", updated by "update", its edit index prepared sheet by sheet by "prepare".
 */
import { getCatalogueSync } from "../../core/catalogue/sync";
import type { CheckResult, Finding } from "../../core/finding";
import { CheckSession } from "../../core/session";
import type { EncodedResult, WorkerRequest, WorkerResponse } from "./protocol";

export class WorkerHandler {
  private session: CheckSession | undefined;
  /** Position of each finding in the last result sent (the session keeps unchanged findings as the same objects). */
  private sent = new Map<Finding, number>();

  handle(req: WorkerRequest): WorkerResponse {
    try {
      switch (req.type) {
        case "open": {
          const { year, profile, catalogue } = req.options;
          this.session = new CheckSession(req.workbook, { year, profile, catalogue: catalogue ? getCatalogueSync() : undefined });
          this.sent = new Map();
          return { id: req.id, ok: true, result: this.encode(this.session.result()) };
        }
        case "update": {
          const { result, ...rest } = this.open().update(req.changes);
          return { id: req.id, ok: true, result: this.encode(result), update: rest };
        }
        case "prepare":
          this.open().prepareForEdits(req.sheet);
          return { id: req.id, ok: true };
      }
    } catch (e) {
      return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private open(): CheckSession {
    if (!this.session) throw new Error("no workbook opened in the check worker");
    return this.session;
  }

  private encode(result: CheckResult): EncodedResult {
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
