/** The file layer's Node entry: a path → GridWorkbook, with every failure to open it a one-line WorkbookReadError. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import type { GridWorkbook } from "../core/grid";
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";
import { readXlsxWith, streamsAPart } from "./read-workbook";
import type { RawInflate } from "./zip";

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

/**
 * Node's zlib for the zip's parts (about 3× fflate here). `maxOutputLength` stops inflating one byte past the declared
 * size, so a lying size or a bomb is refused having spent no more than that.
 */
export const nodeInflateRaw: RawInflate = (raw, size) => {
  try {
    // One output buffer of the declared size (+1 to see a stream that goes on): no chunks to concatenate.
    const out = inflateRawSync(raw, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
    return out.length > size ? null : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};

/**
 * Node's zlib for every part it can inflate whole; fflate's streaming inflater, loaded only when some part is larger
 * than that (a sheet of several hundred thousand rows), since loading it costs every run its start-up.
 */
async function readWithNode(data: Uint8Array, name: string, limits?: ReadLimits): Promise<GridWorkbook> {
  const inflateStream = streamsAPart(data, name, limits, nodeInflateRaw) ? (await import("./fflate-inflate")).fflateInflate : undefined;
  return readXlsxWith(data, name, limits, { inflateRaw: nodeInflateRaw, inflateStream });
}

export async function readXlsxFile(file: string, limits?: ReadLimits): Promise<GridWorkbook> {
  const data = await readFileBytes(file);
  // Messages name the file by its base name (WorkbookReadError does); the grid is named likewise.
  const wb = await readWithNode(data, file, limits);
  return { ...wb, name: path.basename(file) };
}

export async function readXlsxBuffer(data: Uint8Array, name: string, limits?: ReadLimits): Promise<GridWorkbook> {
  return readWithNode(data, name, limits);
}
