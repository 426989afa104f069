/**
 * Browser preview entry: the bundled sample workbook in a MemoryHost, the grid and the real pane. No Office.js and
 * no network: the sample is inlined in the bundle, the catalogue and the .xlsx reader are local chunks.
 */
import { createRoot } from "react-dom/client";
import sampleUrl from "../../assets/sample.xlsx";
import type { GridWorkbook } from "../core/grid";
import { markOnce, PREVIEW_SAMPLE_LOADED } from "../taskpane/perf-marks";
import { PreviewApp } from "./PreviewApp";

async function loadSample(): Promise<GridWorkbook> {
  const { gridFromXlsx, dataUrlToBytes } = await import(/* webpackChunkName: "xlsx" */ "./load-xlsx");
  return gridFromXlsx(dataUrlToBytes(sampleUrl), "sample.xlsx");
}

async function loadFile(file: File): Promise<GridWorkbook> {
  const { gridFromXlsx } = await import(/* webpackChunkName: "xlsx" */ "./load-xlsx");
  return gridFromXlsx(await file.arrayBuffer(), file.name);
}

/** ?lang=en / ?lang=zh-CN plays Office's display language (defaults to the browser's). */
function displayLanguage(): string {
  return new URLSearchParams(window.location.search).get("lang") ?? navigator.language;
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const initial = await loadSample();
  // The preview reads its sample before the pane mounts (Office waits for Office.js instead): bench/measure-pane-render.ts
  // reports the pane's own share as first render − this mark.
  markOnce(PREVIEW_SAMPLE_LOADED);
  createRoot(container).render(
    <PreviewApp initial={initial} loadSample={loadSample} loadFile={loadFile} displayLanguage={displayLanguage()} />,
  );
}

void main();
