/**
 * Reads a picked code-list file in the pane. Loaded lazily by the Settings tab (its own chunk), and the .xlsx reader
 * lazily again inside it, so neither grows the pane's main bundle.
 */
import { CodeListError, parseCodeListBytes, type ParsedCodeList } from "../../core/catalogue/import-list";
import type { GridWorkbook } from "../../core/grid";

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<GridWorkbook> {
  // The browser-safe file layer the CLI reads with too (readXlsxBuffer is this function behind a Node entry).
  const { readXlsxBytes } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx");
  return readXlsxBytes(bytes, name);
}

/** The parsed list, or an Error whose message is one line naming the file (zh / en). */
export async function readCodeList(file: PickedFile): Promise<ParsedCodeList> {
  try {
    return await parseCodeListBytes(new Uint8Array(await file.arrayBuffer()), file.name, readXlsx);
  } catch (e) {
    if (e instanceof CodeListError) throw e;
    // WorkbookReadError already names the file in one line; anything else gets the file name added.
    const message = e instanceof Error ? e.message.replace(/\s*\n\s*/g, " ") : String(e);
    throw new Error(message.includes(file.name) ? message : `${file.name}: ${message}`);
  }
}
