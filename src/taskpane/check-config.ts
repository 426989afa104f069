/**
 * The options every check session is built with. LiveChecker takes a session factory once, at construction; this
 * object is that factory's mutable source, so the pane can add the lazily loaded catalogue or change the tolerance
 * and then ask for a full re-check.
 */
import type { Catalogue, ImportedList } from "../core/catalogue";
import type { GridWorkbook } from "../core/grid";
import { withTolerance, type RuleProfile } from "../core/profiles";
import type { CheckSessionLike, SessionFactory } from "../excel/live-checker";
import { createCheckSession } from "../live/check-setup";
import { CHECK_IN_WORKER, markOnce } from "./perf-marks";
import { CheckWorkerClient, WorkerUnavailable, type WorkerLike } from "./worker/worker-session";

export class CheckConfig {
  catalogue: Catalogue | undefined;
  /** The imported code lists laid over `catalogue`: the worker builds its own copy from them. */
  imported: readonly ImportedList[] = [];
  /** Budget year override; undefined = read from the tables' titles. */
  year: number | undefined;
  /** The pane's tolerance setting; sessions get it in their profile (core/profiles.ts applies it). */
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
    const { catalogue, year, imported } = this;
    const profile = withTolerance(this.profile, this.tolerance);
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
    return session ?? createCheckSession(workbook, { catalogue, year, profile });
  };
}
