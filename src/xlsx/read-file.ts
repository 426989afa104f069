/** The file layer's Node entry: a path → GridWorkbook, with every failure to open it a one-line WorkbookReadError. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { GridWorkbook } from "../core/grid";
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";
import { readXlsxBytes } from "./read-workbook";

export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    // A FIFO or a device would block or never end; a directory is not a workbook.
    if (!stat.isFile()) throw new WorkbookReadError(file, "not-a-file");
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(file, code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "io", String(e));
  }
}

export async function readXlsxFile(file: string, limits?: ReadLimits): Promise<GridWorkbook> {
  const data = await readFileBytes(file);
  // Messages name the file by its base name (WorkbookReadError does); the grid is named likewise.
  const wb = readXlsxBytes(data, file, limits);
  return { ...wb, name: path.basename(file) };
}

export async function readXlsxBuffer(data: Uint8Array, name: string, limits?: ReadLimits): Promise<GridWorkbook> {
  return readXlsxBytes(data, name, limits);
}
