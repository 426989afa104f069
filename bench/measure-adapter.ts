/**
 * The Excel adapter (OfficeHost) against the fake Excel context of the adapter tests (test/excel/fake-excel.ts), which
 * counts context.sync calls and simulates request/response payload bytes with the 5 MB cap of Excel on the web.
 * Loaded dynamically so the rest of the bench runs even while the adapter is being rewritten.
 */
import type { GridWorkbook } from "../src/core/grid";
import type { Finding } from "../src/core/finding";
import { checkWorkbook } from "../src/core/engine";

export interface SyncStats {
  syncs: number;
  /** Syncs the host rejected (payload over the cap); the adapter then retries smaller. */
  rejected: number;
  requestBytes: number;
  responseBytes: number;
  /** Largest single request or response of an accepted sync, bytes (must stay under the cap). */
  maxPayloadBytes: number;
}

/** Excel on the web's request/response cap (spec §5): the fewest syncs a read can take is ⌈payload / cap⌉. */
export const PAYLOAD_CAP = 5 * 1024 * 1024;

export interface AdapterResult {
  cells: number;
  read: SyncStats;
  /** ⌈accepted response bytes / cap⌉: the floor for any reader. */
  readMinimumSyncs: number;
  /** A second read in the same session (the adapter remembers the workbook is large). */
  reread: SyncStats;
  /** The grid read back checks clean, as the original does. */
  readBackClean: boolean;
  /** First highlight write of a session (scans for stale marks first), then a steady-state rewrite. */
  firstWrite: SyncStats & { findings: number };
  nextWrite: SyncStats & { findings: number };
  manyWrite: SyncStats & { findings: number };
}

/** Findings after changing `count` amount cells evenly spread over the function tables (+0.01 each). */
function findingsAfterEdits(wb: GridWorkbook, count: number): Finding[] {
  const copy = structuredClone(wb);
  const sheet = copy.sheets.find((s) => s.name === "支出总表")!;
  const rows = sheet.values.map((r, i) => i).filter((i) => typeof sheet.values[i][4] === "number" && i > 5);
  for (let k = 0; k < count; k++) {
    const r = rows[Math.floor(((k + 0.5) * rows.length) / count)];
    sheet.values[r][4] = Math.round(((sheet.values[r][4] as number) + 0.01) * 100) / 100;
  }
  return checkWorkbook(copy).findings.filter((f) => f.severity !== "info");
}

export async function measureAdapter(wb: GridWorkbook): Promise<AdapterResult> {
  const { FakeExcel } = await import("../test/excel/fake-excel");
  const { OfficeHost } = await import("../src/excel/office-host");
  const { FULL_CAPABILITIES } = await import("../src/excel/capabilities");
  const excel = new FakeExcel();
  let cells = 0;
  for (const s of wb.sheets) {
    const rows = s.values.map((r, i) =>
      r.map((v, j) => {
        if (v === null || typeof v === "object") return null;
        cells++;
        const numberFormat = s.numberFormats?.[i]?.[j] ?? undefined;
        return numberFormat ? { value: v, numberFormat } : v;
      }),
    );
    excel.addSheet(s.name, rows).merges.push(...s.merges.map((m) => ({ ...m })));
  }
  const host = new OfficeHost(excel.runner, { capabilities: FULL_CAPABILITIES });
  const stats = async (fn: () => Promise<unknown>): Promise<SyncStats> => {
    const before = excel.syncs.length;
    await fn();
    const done = excel.syncs.slice(before);
    const ok = done.filter((s) => !s.error);
    return {
      syncs: done.length,
      rejected: done.length - ok.length,
      requestBytes: ok.reduce((a, s) => a + s.requestBytes, 0),
      responseBytes: ok.reduce((a, s) => a + s.responseBytes, 0),
      maxPayloadBytes: Math.max(0, ...ok.map((s) => Math.max(s.requestBytes, s.responseBytes))),
    };
  };
  let back: GridWorkbook | undefined;
  const read = await stats(async () => {
    back = await host.readWorkbook();
  });
  const reread = await stats(() => host.readWorkbook());
  const readMinimumSyncs = Math.ceil(read.responseBytes / PAYLOAD_CAP);
  const readBackClean = checkWorkbook(back!).findings.every((f) => f.severity === "info");
  const typical = findingsAfterEdits(wb, 10);
  const firstWrite = { ...(await stats(() => host.writeHighlights(typical))), findings: typical.length };
  const next = findingsAfterEdits(wb, 11);
  const nextWrite = { ...(await stats(() => host.writeHighlights(next))), findings: next.length };
  // One edited cell per 100 rows: the "everything is wrong" case (many findings, several blocks).
  const many = findingsAfterEdits(wb, Math.max(10, Math.round(cells / 1000)));
  const manyWrite = { ...(await stats(() => host.writeHighlights(many))), findings: many.length };
  return { cells, read, readMinimumSyncs, reread, readBackClean, firstWrite, nextWrite, manyWrite };
}
