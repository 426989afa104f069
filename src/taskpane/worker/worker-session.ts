/**
 * The pane's side of the check worker: a CheckSessionLike whose checks run in the worker. One worker serves the
 * pane for its lifetime; each full check opens a new session in it. A worker that cannot start or dies makes the
 * calls fail with WorkerUnavailable, and the caller checks in its own thread instead.
 */
import type { CheckResult } from "../../core/finding";
import { emptyDelta, type FindingDelta } from "../../core/finding-delta";
import type { GridWorkbook } from "../../core/grid";
import { changeList, type GridChange, type UpdateResult } from "../../core/session";
import type { CheckSessionLike } from "../../live/live-checker";
import type { WorkerCheckOptions, WorkerRequest, WorkerResponse } from "./protocol";
import { decodeDelta } from "./result-encoding";

/** What we use of a Worker (tests pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The worker itself failed (not the check): start, load or crash. */
export class WorkerUnavailable extends Error {}

type Answer = { msg: WorkerResponse & { ok: true }; result: CheckResult; delta: FindingDelta };
type Pending = { resolve: (r: Answer) => void; reject: (e: Error) => void };
/** A request as the caller writes it; the client numbers it. Distributes over the union, keeping each variant's fields. */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Request = WithoutId<WorkerRequest>;

export class CheckWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failed: Error | undefined;
  /** The last result received: an edit's delta names its findings by index. */
  private last: CheckResult = { tables: [], findings: [] };

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (e) => {
      const msg = e.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (!msg.ok) return p.reject(new Error(msg.error));
      // Decoded here, in the order the worker answered, so each delta is read against the result sent before it.
      let delta = emptyDelta();
      if (msg.result) this.last = msg.result;
      else if (msg.update) {
        try {
          ({ result: this.last, delta } = decodeDelta(msg.update.delta, this.last.findings));
        } catch (e) {
          return p.reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
      p.resolve({ msg, result: this.last, delta });
    };
    worker.onerror = (e) => this.fail(new WorkerUnavailable(`check worker failed: ${e.message || "could not start"}`));
  }

  call(request: Request): Promise<Answer> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...request, id } as WorkerRequest);
      } catch (e) {
        this.pending.delete(id);
        reject(new WorkerUnavailable(e instanceof Error ? e.message : String(e)));
      }
    });
  }

  /** A full check of `workbook` in the worker; resolves once its first result is in. */
  async open(workbook: GridWorkbook, options: WorkerCheckOptions): Promise<CheckSessionLike> {
    let current: CheckResult = (await this.call({ type: "open", workbook, options })).result;
    return {
      result: () => current,
      update: async (change: GridChange | readonly GridChange[]): Promise<UpdateResult> => {
        const { msg, result, delta } = await this.call({ type: "update", changes: changeList(change) });
        current = result;
        return { recheckedTables: msg.update?.recheckedTables ?? [], recognised: msg.update?.recognised, result, delta };
      },
      // Fire and forget: it only saves the first edit of a sheet the time to build its index.
      prepareForEdits: (sheet: string) => void this.call({ type: "prepare", sheet }).catch(() => undefined),
    };
  }

  terminate(): void {
    this.worker.terminate();
    this.fail(new WorkerUnavailable("check worker stopped"));
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
