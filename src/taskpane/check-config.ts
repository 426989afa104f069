/**
 * The options every check session is built with. LiveChecker takes a session factory once, at construction; this
 * object is that factory's mutable source, so the pane can add the lazily loaded catalogue or change the tolerance
 * and then ask for a full re-check.
 */
import type { Catalogue, ImportedList } from "../core/catalogue";
import type { GridWorkbook } from "../core/grid";
import type { RuleProfile } from "../core/profiles";
import type { CheckSessionLike, SessionFactory } from "../live/live-checker";
import { createCheckSession, withTolerance } from "../live/check-setup";
import { CHECK_IN_WORKER, markOnce } from "./perf-marks";
import { CheckWorkerClient, WorkerUnavailable, type WorkerLike } from "./worker/worker-session";

/** Kept here for the pane's callers; the one implementation is in src/live. */
export { applyTolerance } from "../live/check-setup";

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
    // The same setup the ribbon's Check uses (src/live/check-setup.ts).
    return session ? withTolerance(session, tolerance) : createCheckSession(workbook, { catalogue, year, profile, tolerance });
  };
}
