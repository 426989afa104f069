/**
 * fflate's streaming inflater, the one the browser reads every part with and the CLI only parts too large for Node's
 * zlib to inflate whole (src/xlsx/read-file.ts loads this module only then: fflate builds its tables when it loads).
 */
import { Inflate } from "fflate";
import type { StreamInflate } from "./zip";

export const fflateInflate: StreamInflate = (onChunk) => new Inflate((chunk) => onChunk(chunk));
