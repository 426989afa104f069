/** .xlsx bytes → GridWorkbook with fflate's inflater: the browser's entry to the file layer (no Node APIs here). */
import type { GridWorkbook } from "../core/grid";
import { fflateInflate } from "./fflate-inflate";
import type { ReadLimits } from "./limits";
import { readXlsxWith, type ReadOptions } from "./read-workbook";

export function readXlsxBytes(data: Uint8Array, name: string, limits?: ReadLimits, options: ReadOptions = {}): GridWorkbook {
  return readXlsxWith(data, name, limits, { ...options, inflateStream: options.inflateStream ?? fflateInflate });
}
