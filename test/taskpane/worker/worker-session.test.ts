/**
 * The check worker's protocol, run in process: a stand-in Worker that hands each message to the same WorkerHandler
 * the real worker runs, asynchronously and through a structured clone, as postMessage does.
 */
import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import { CheckSession, type GridChange } from "../../../src/core/session";
import { CheckConfig } from "../../../src/taskpane/check-config";
import type { WorkerRequest, WorkerResponse } from "../../../src/taskpane/worker/protocol";
import { decodeDelta } from "../../../src/taskpane/worker/result-encoding";
import { WorkerHandler } from "../../../src/taskpane/worker/worker-handler";
import { CheckWorkerClient, WorkerUnavailable, type WorkerLike } from "../../../src/taskpane/worker/worker-session";
import { generateWorkbook } from "../../../bench/generate";
import { loadFixture } from "../../helpers/fixtures";

class InProcessWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly received: WorkerRequest["type"][] = [];
  readonly answers: WorkerResponse[] = [];
  private readonly handler = new WorkerHandler();
  terminated = false;
  constructor(private readonly broken = false) {}
  postMessage(message: WorkerRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy.type);
    setTimeout(() => {
      if (this.broken) return this.onerror?.({ message: "Failed to load check-worker.js" } as ErrorEvent);
      const answer = structuredClone(this.handler.handle(copy));
      this.answers.push(answer);
      this.onmessage?.({ data: answer } as MessageEvent<WorkerResponse>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const edit = (sheet: string, row: number, col: number, value: number): GridChange => ({
  kind: "cells",
  sheet,
  range: { top: row, left: col, bottom: row, right: col },
  values: [[value]],
});

describe("check worker", () => {
  it("gives the same findings as a check in this thread, on open and after edits", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const worker = new InProcessWorker();
    const session = await new CheckWorkerClient(worker).open(structuredClone(wb), { catalogue: true });
    const local = new CheckSession(structuredClone(wb), { catalogue: getCatalogueSync() });
    expect(session.result()).toEqual(local.result());
    // An amount edit of the 收支总表 total: findings appear, then vanish when it is undone.
    const sheet = wb.sheets[0];
    const row = sheet.values.findIndex((r) => r.some((v) => typeof v === "number"));
    const col = sheet.values[row].findIndex((v) => typeof v === "number");
    const original = sheet.values[row][col] as number;
    const before = session.result().findings.filter((f) => f.severity !== "info").length;
    const changed = await session.update(edit(sheet.name, row, col, original + 1));
    expect(changed.result).toEqual(local.update(edit(sheet.name, row, col, original + 1)).result);
    expect(changed.result.findings.filter((f) => f.severity !== "info").length).toBeGreaterThan(before);
    expect(session.result()).toEqual(changed.result);
    session.prepareForEdits?.(sheet.name);
    const undone = await session.update([edit(sheet.name, row, col, original)]);
    expect(undone.result).toEqual(local.update(edit(sheet.name, row, col, original)).result);
    expect(undone.recheckedTables.length).toBeGreaterThan(0);
    expect(worker.received).toEqual(["open", "update", "prepare", "update"]);

  });

  it("after an edit, only the session's delta travels: gone findings as indices, new ones copied", async () => {
    // A consolidated workbook whose codes the catalogue does not cover: "not covered" infos (one per parent, issue 20)
    // and other findings that no amount edit changes.
    const wb = generateWorkbook(1000);
    const worker = new InProcessWorker();
    const session = await new CheckWorkerClient(worker).open(structuredClone(wb), { catalogue: true });
    const first = session.result().findings;
    expect(first.length).toBeGreaterThan(5);
    expect(first.some((f) => f.rule === "catalogue.not-covered")).toBe(true);
    const sheet = wb.sheets.find((x) => x.name === "支出总表")!;
    const row = sheet.values.findIndex((r, i) => i > 5 && typeof r[4] === "number");
    const changed = await session.update(edit(sheet.name, row, 4, Math.round(((sheet.values[row][4] as number) + 0.01) * 100) / 100));
    const local = new CheckSession(structuredClone(wb), { catalogue: getCatalogueSync() });
    expect(changed.result).toEqual(local.update(edit(sheet.name, row, 4, Math.round(((sheet.values[row][4] as number) + 0.01) * 100) / 100)).result);
    const sent = worker.answers[1];
    if (!sent.ok || !sent.update) throw new Error("no delta sent");
    const copied = [...sent.update.delta.added, ...sent.update.delta.changed].map((a) => a.finding);
    expect(sent.result).toBeUndefined();
    expect(copied.length).toBeGreaterThan(0); // the new sum findings
    expect(copied.length).toBeLessThan(changed.result.findings.length);
    expect(copied.every((f) => !f.rule.startsWith("catalogue."))).toBe(true);
    // The pane's delta is the worker's, findings that went being the very objects it held.
    expect(changed.delta.added.length + changed.delta.changed.length).toBe(copied.length);
    expect([...changed.delta.removed, ...changed.delta.changed.map((c) => c.before)].every((f) => first.includes(f))).toBe(true);
    // Unchanged findings are the very objects of the previous result, not copies.
    expect(changed.result.findings.filter((f) => first.includes(f)).length).toBe(changed.result.findings.length - copied.length);
  });

  it("imported code lists reach the worker: its findings match a check in this thread with the same lists", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    // The official list for 2023 lists 款 20805 with only one 项: the workbook's other 项 of 20805 are then unknown.
    const imported = [
      {
        source: "2023科目.csv",
        year: 2023,
        codes: [
          { code: "20805", name: "行政事业单位养老支出", classification: "function" as const },
          { code: "2080505", name: "机关事业单位基本养老保险缴费支出", classification: "function" as const },
        ],
      },
    ];
    const plain = await new CheckWorkerClient(new InProcessWorker()).open(structuredClone(wb), { catalogue: true });
    const session = await new CheckWorkerClient(new InProcessWorker()).open(structuredClone(wb), { catalogue: true, imported });
    const local = new CheckSession(structuredClone(wb), { catalogue: getCatalogueSync(imported) });
    expect(session.result()).toEqual(local.result());
    const unknown = (r: typeof plain) => r.result().findings.filter((f) => f.rule === "catalogue.unknown-code").length;
    expect(unknown(session)).toBeGreaterThan(unknown(plain));
  });

  it("a failing check rejects with its message; a dead worker rejects every call with WorkerUnavailable", async () => {
    const client = new CheckWorkerClient(new InProcessWorker());
    await expect(client.call({ type: "update", changes: [] })).rejects.toThrow("no workbook opened in the check worker");
    const dead = new CheckWorkerClient(new InProcessWorker(true));
    await expect(dead.open({ sheets: [] }, { catalogue: false })).rejects.toBeInstanceOf(WorkerUnavailable);
    await expect(dead.call({ type: "prepare", sheet: "x" })).rejects.toBeInstanceOf(WorkerUnavailable);
    // A result naming a finding the pane never received is refused, not shown half-empty.
    expect(() => decodeDelta({ tables: [], removed: [3], added: [], changed: [] }, [])).toThrow("finding 3 of the previous result is missing");
  });

  it("CheckConfig checks in the worker, and in its own thread once the worker fails to start", async () => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    const expected = new CheckSession(structuredClone(wb)).result();

    const working = new InProcessWorker();
    const config = new CheckConfig({ worker: () => working });
    const viaWorker = await config.sessionFactory(structuredClone(wb));
    expect(viaWorker.result()).toEqual(expected);
    expect(working.received).toEqual(["open"]);
    expect(config.inWorker).toBe(true);

    const broken = new CheckConfig({ worker: () => new InProcessWorker(true) });
    const fallback = await broken.sessionFactory(structuredClone(wb));
    expect(fallback.result()).toEqual(expected);
    expect(broken.inWorker).toBe(false);

    const noWorker = new CheckConfig({
      worker: () => {
        throw new Error("Worker is not defined");
      },
    });
    expect(noWorker.inWorker).toBe(false);
    expect((await noWorker.sessionFactory(structuredClone(wb))).result()).toEqual(expected);
  });

  it("the tolerance applies to the worker's results too", async () => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    const config = new CheckConfig({ worker: () => new InProcessWorker() });
    config.tolerance = 1000;
    const session = await config.sessionFactory(structuredClone(wb));
    const amountFindings = session.result().findings.filter((f) => f.rule.startsWith("cross.") || f.rule.startsWith("table.") || f.rule.startsWith("hierarchy."));
    expect(amountFindings.length).toBeGreaterThan(0);
    expect(amountFindings.every((f) => f.severity === "info")).toBe(true);
  });
});
