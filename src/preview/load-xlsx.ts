/**
 * .xlsx bytes → grid in the browser: the same file layer as `npm run check` (src/xlsx, fflate + saxes), so the preview
 * sees a file exactly as the CLI does and refuses the same files with the same one-line message. Loaded as its own chunk.
 */
import type { GridWorkbook } from "../core/grid";
import { readXlsxBytes } from "../xlsx/read-bytes";

export async function gridFromXlsx(data: ArrayBuffer, name: string): Promise<GridWorkbook> {
  return readXlsxBytes(new Uint8Array(data), name);
}

/** A data: URL (the bundled sample, inlined so the preview makes no request for it) as bytes. */
export function dataUrlToBytes(url: string): ArrayBuffer {
  const base64 = url.slice(url.indexOf(",") + 1);
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}
