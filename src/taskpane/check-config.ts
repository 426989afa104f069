/**
 * The options every check session is built with. LiveChecker takes a session factory once, at construction; this
 * object is that factory's mutable source, so the pane can add the lazily loaded catalogue or change the tolerance
 * and then ask for a full re-check.
 */
import type { Catalogue, ImportedList } from "../core/catalogue";
import type { CheckResult, Finding } from "../core/finding";
import type { GridWorkbook } from "../core/grid";
import { listRules, type RuleProfile } from "../core/profiles";
import { CheckSession } from "../core/session";
import type { CheckSessionLike, SessionFactory } from "../excel/live-checker";
import { CHECK_IN_WORKER, markOnce } from "./perf-marks";
import { CheckWorkerClient, WorkerUnavailable, type WorkerLike } from "./worker/worker-session";

const AMOUNT_RULE_GROUPS = new Set(["sum", "cross"]);
const AMOUNT_RULES = new Set(listRules().filter((r) => AMOUNT_RULE_GROUPS.has(r.group)).map((r) => r.id));

export class CheckConfig {
  catalogue: Catalogue | undefined;
  /** The imported code lists laid over `catalogue`: the worker builds its own copy from them. */
  imported: readonly ImportedList[] = [];
  /** Budget year override; undefined = read from the tables' titles. */
  year: number | undefined;
  tolerance = 0;
  /** Rule profile and switched-off rules from the settings; undefined = every rule as it reports. */
  profile: RuleProfile | undefined;
  /** Checks run here when there is a worker (off the UI thread); dropped for good if it fails to start. */
  private worker: CheckWorkerClient | undefined;

  constructor(options: { worker?: () => WorkerLike } = {}) {
    if (options.worker) {
      try {
        this.worker = new CheckWorkerClient(options.worker());
      } catch {
        this.worker = undefined; // no Worker here (or blocked): check in this thread
      }
    }
  }

  /** True while checks run in the worker. */
  get inWorker(): boolean {
    return this.worker !== undefined;
  }

  readonly sessionFactory: SessionFactory = async (workbook: GridWorkbook) => {
    const { catalogue, year, profile, tolerance, imported } = this;
    let session: CheckSessionLike | undefined;
    if (this.worker) {
      try {
        session = await this.worker.open(workbook, {
          year,
          profile,
          catalogue: catalogue !== undefined,
          ...(catalogue !== undefined && imported.length > 0 ? { imported: [...imported] } : {}),
        });
        markOnce(CHECK_IN_WORKER);
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) throw e;
        this.worker = undefined;
      }
    }
    session ??= new CheckSession(workbook, { catalogue, year, profile });
    return tolerance > 0 ? withTolerance(session, tolerance) : session;
  };
}

/** Amount findings whose difference is within the tolerance become info: listed, but not marked in the workbook. */
export function applyTolerance(findings: readonly Finding[], tolerance: number): Finding[] {
  return findings.map((f) => {
    if (f.severity === "info" || !AMOUNT_RULES.has(f.rule)) return f;
    const diff = Math.abs(Number(f.expected) - Number(f.actual));
    return Number.isFinite(diff) && diff <= tolerance + 1e-9 ? { ...f, severity: "info" } : f;
  });
}

function withTolerance(session: CheckSessionLike, tolerance: number): CheckSessionLike {
  const adjust = (r: CheckResult): CheckResult => ({ ...r, findings: applyTolerance(r.findings, tolerance) });
  return {
    result: () => adjust(session.result()),
    prepareForEdits: session.prepareForEdits?.bind(session),
    update: async (change) => {
      const u = await session.update(change);
      return { ...u, result: adjust(u.result) };
    },
  };
}
