/**
 * Pane edits go through the check worker: the worker updates its session and encodes its delta (findings by index),
 * the pane copies the message and applies it. Measured in process with the worker's own handler, Node's
 * structuredClone standing in for postMessage (the same algorithm browsers use), with the catalogue on.
 */
import type { GridWorkbook } from "../src/core/grid";
import type { GridChange } from "../src/core/session";
import type { WorkerResponse } from "../src/taskpane/worker/protocol";
import { decodeDelta } from "../src/taskpane/worker/result-encoding";
import { WorkerHandler } from "../src/taskpane/worker/worker-handler";
import { nowMs, summarise, type Timing } from "./timing";

export interface WorkerRoundTrip {
  findings: number;
  /** open: full check, encoding, copy and decode of the first result (the pane's first findings; one time). */
  openMs: number;
  /** Per edit, in the worker: session update + encoding. */
  workerEdit: Timing;
  /** Per edit, on the pane's thread: copying the answer and decoding it. */
  paneEdit: Timing;
  /** Findings copied as objects per edit (the rest travel as indices). */
  copiedPerEdit: number;
}

export function measureWorkerRoundTrip(wb: GridWorkbook, edits: number): WorkerRoundTrip {
  const handler = new WorkerHandler();
  const answer = (r: WorkerResponse) => {
    if (!r.ok) throw new Error(r.error);
    return r;
  };
  const t0 = nowMs();
  const opened = structuredClone(answer(handler.handle({ id: 1, type: "open", workbook: structuredClone(wb), options: { catalogue: true } })));
  let last = opened.result!;
  const openMs = nowMs() - t0;
  for (const s of wb.sheets) handler.handle({ id: 2, type: "prepare", sheet: s.name });
  const sheet = wb.sheets.find((s) => s.name === "支出总表")!;
  const rows = sheet.values.map((_, i) => i).filter((i) => i > 5 && typeof sheet.values[i][4] === "number");
  const worker: number[] = [];
  const pane: number[] = [];
  let copied = 0;
  const edit = (row: number, value: number): GridChange => ({ kind: "cells", sheet: sheet.name, range: { top: row, left: 4, bottom: row, right: 4 }, values: [[value]] });
  for (let k = 0; k < edits; k++) {
    const row = rows[Math.floor(((k + 0.5) * rows.length) / edits)];
    const v = sheet.values[row][4] as number;
    for (const value of [Math.round((v + 0.01) * 100) / 100, v]) {
      const a = nowMs();
      const sent = answer(handler.handle({ id: 3, type: "update", changes: [edit(row, value)] }));
      const b = nowMs();
      last = decodeDelta(structuredClone(sent).update!.delta, last.findings).result;
      const c = nowMs();
      worker.push(b - a);
      pane.push(c - b);
      const d = sent.update!.delta;
      copied += d.added.length + d.changed.length;
    }
  }
  return { findings: last.findings.length, openMs, workerEdit: summarise(worker), paneEdit: summarise(pane), copiedPerEdit: copied / (2 * edits) };
}
