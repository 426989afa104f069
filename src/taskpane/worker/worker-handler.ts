/**
 * What the check worker does with each message, apart from the worker plumbing so that it runs in tests: one live
 * CheckSession, replaced by "open", updated by "update", its edit index prepared sheet by sheet by "prepare".
 */
import type { Catalogue } from "../../core/catalogue";
import { getCatalogueSync } from "../../core/catalogue/sync";
import type { ImportedList } from "../../core/catalogue/types";
import { CheckSession } from "../../core/session";
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { ResultEncoder } from "./result-encoding";

export class WorkerHandler {
  private session: CheckSession | undefined;
  /** Remembers the findings last sent, so an edit's delta names the ones it removed by index. */
  private readonly encoder = new ResultEncoder();
  /** The catalogue with the last imported lists, rebuilt only when they change (not at every full check). */
  private withImports: { key: string; catalogue: Catalogue } | undefined;

  handle(req: WorkerRequest): WorkerResponse {
    try {
      switch (req.type) {
        case "open": {
          const { year, profile, catalogue, imported } = req.options;
          this.session = new CheckSession(req.workbook, { year, profile, catalogue: catalogue ? this.catalogue(imported) : undefined });
          return { id: req.id, ok: true, result: this.encoder.full(this.session.result()) };
        }
        case "update": {
          const { result, delta, ...rest } = this.open().update(req.changes);
          return { id: req.id, ok: true, update: { ...rest, delta: this.encoder.delta(result, delta) } };
        }
        case "prepare":
          this.open().prepareForEdits(req.sheet);
          return { id: req.id, ok: true };
      }
    } catch (e) {
      return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private catalogue(imported: ImportedList[] | undefined): Catalogue {
    if (!imported || imported.length === 0) return getCatalogueSync();
    const key = JSON.stringify(imported);
    if (this.withImports?.key !== key) this.withImports = { key, catalogue: getCatalogueSync(imported) };
    return this.withImports.catalogue;
  }

  private open(): CheckSession {
    if (!this.session) throw new Error("no workbook opened in the check worker");
    return this.session;
  }
}
