/**
 * The zip container of an .xlsx: the central directory read by hand (names, methods, declared sizes, so bounds are
 * checked before anything is inflated) and entries inflated with a running cap — by the host's native inflater, or
 * by a streaming one (fflate's, src/xlsx/fflate-inflate.ts) — so a zip bomb or a lying size is refused after at most
 * one chunk past the cap. The inflaters are given, not imported: the CLI rarely streams, and fflate's start-up (its
 * tables, built when the module loads) is then not paid on every run. Part names are looked up
 * case-insensitively (Excel does: producers write `xl/Worksheets/Sheet1.xml` and name it `sheet1.xml` in a rel).
 */
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";

export interface ZipEntry {
  /** The name as stored, without a leading "/" and with "\" read as "/". */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** CRC-32 of the uncompressed bytes, and the DOS time and date, as the central directory states them. */
  crc32: number;
  dosTime: number;
  dosDate: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Compressed bytes pushed per inflate step: at deflate's maximum ratio (~1032:1) one step yields at most ~16 MB. */
const CHUNK = 16 * 1024;
/** Parts up to this size are inflated by the host's native inflater when it offers one (below); larger ones stream. */
const NATIVE_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Bytes handed to the consumer at a time when a part is in memory whole (inflated natively, or stored). The consumer
 * decodes each into a string: kept under V8's large-object size (128 KiB, which 32 Ki two-byte characters stay
 * below), a chunk's text is an ordinary young string; larger, each was a large object, decoded at half the speed
 * and kept until the next full collection.
 */
const WHOLE_SLICE = 32 * 1024;

/** A part in memory whole, handed on WHOLE_SLICE bytes at a time. */
function takeWhole(bytes: Uint8Array, take: (chunk: Uint8Array) => void): void {
  for (let i = 0; i < bytes.length; i += WHOLE_SLICE) take(bytes.subarray(i, Math.min(bytes.length, i + WHOLE_SLICE)));
}

/**
 * A host's own raw-deflate inflater (Node's zlib: about 3× fflate's speed), used for parts up to NATIVE_MAX_BYTES:
 * the inflated bytes of the part, or null when they would be more than `size` — inflating stops there, so a bomb costs
 * no more than its declared size. It throws on damage. The browser has none and streams every part through fflate.
 */
export type RawInflate = (raw: Uint8Array, size: number) => Uint8Array | null;

/** A streaming raw-deflate inflater: pieces pushed in order (the last with `final`), output handed to `onChunk`. */
export type StreamInflate = (onChunk: (chunk: Uint8Array) => void) => { push(data: Uint8Array, final: boolean): void };

export interface Inflaters {
  /** For parts up to NATIVE_MAX_BYTES, when the host has one. */
  raw?: RawInflate;
  /** For every other deflated part; needed only when some part is one (see streamsAPart). */
  stream?: StreamInflate;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  /** Every entry in the directory's order, folders and repeated names included. */
  private readonly ordered: ZipEntry[] = [];
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    private readonly file: string,
    private readonly limits: ReadLimits,
    private readonly inflaters: Inflaters,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.readDirectory();
  }

  /** Whether some deflated part is larger than the native inflater takes (or there is none): a stream inflater is needed to read it. */
  streamsAPart(): boolean {
    for (const e of this.byName.values()) if (this.streams(e)) return true;
    return false;
  }

  private streams(entry: ZipEntry): boolean {
    return entry.method === 8 && !(this.inflaters.raw && entry.size <= NATIVE_MAX_BYTES);
  }

  /** Every entry in the central directory's order (folders and repeated names included). */
  entries(): readonly ZipEntry[] {
    return this.ordered;
  }

  /** The entry's bytes as stored in the zip (compressed, unless stored), for copying it unchanged. */
  storedBytes(entry: ZipEntry): Uint8Array {
    const start = this.dataStart(entry);
    if (start + entry.compressedSize > this.data.length) this.fail("corrupt", `${entry.name}: data past the end of the file`);
    return this.data.subarray(start, start + entry.compressedSize);
  }

  /** The entry of a part name, whatever its case; `name` may start with "/". */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(normaliseName(name).toLowerCase());
  }

  /** The entry's bytes, whole: for small parts (rels, workbook, mimetype). */
  readBytes(entry: ZipEntry): Uint8Array {
    const out = new Uint8Array(entry.size);
    let at = 0;
    this.stream(entry, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }

  /**
   * Feeds the entry's inflated bytes to `onChunk` in order. Never yields more than the declared size: a stream that
   * goes on past it (a lying directory, a bomb) or ends short of it (damage) is refused.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    const raw = this.storedBytes(entry);
    let produced = 0;
    // What the consumer throws (an XML error, a bound) passes through untouched; only inflate's own errors are damage.
    let consumerError: unknown;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      if (produced > entry.size) this.fail("corrupt", `${entry.name}: inflates past its declared size ${entry.size}`, entry.name);
      try {
        if (chunk.length) onChunk(chunk);
      } catch (e) {
        consumerError = e;
        throw e;
      }
    };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) this.fail("corrupt", `${entry.name}: stored sizes differ`);
      takeWhole(raw, take);
    } else if (entry.method === 8 && !this.streams(entry)) {
      let out: Uint8Array | null;
      try {
        out = (this.inflaters.raw as RawInflate)(raw, entry.size);
      } catch (e) {
        this.fail("corrupt", `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (out === null) this.fail("corrupt", `${entry.name}: inflates past its declared size ${entry.size}`, entry.name);
      takeWhole(out, take);
    } else if (entry.method === 8) {
      // A caller's mistake, not the file's: the reader's entries give one whenever streamsAPart() says so.
      if (!this.inflaters.stream) throw new Error(`${entry.name}: no streaming inflater given for a part of ${entry.size} bytes`);
      const inflate = this.inflaters.stream(take);
      try {
        if (raw.length === 0) inflate.push(new Uint8Array(0), true);
        for (let i = 0; i < raw.length; i += CHUNK) {
          const next = Math.min(raw.length, i + CHUNK);
          inflate.push(raw.subarray(i, next), next === raw.length);
        }
      } catch (e) {
        if (consumerError !== undefined || e instanceof WorkbookReadError) throw e;
        this.fail("corrupt", `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      this.fail("corrupt", `${entry.name}: compression method ${entry.method}`);
    }
    if (produced !== entry.size) this.fail("corrupt", `${entry.name}: ${produced} bytes, ${entry.size} declared`);
  }

  private dataStart(entry: ZipEntry): number {
    const at = entry.localOffset;
    if (at + 30 > this.data.length || this.view.getUint32(at, true) !== SIG_LOCAL)
      this.fail("corrupt", `${entry.name}: no local header`);
    return at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
  }

  private readDirectory(): void {
    const v = this.view;
    const n = this.data.length;
    let eocd = -1;
    for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
      if (v.getUint32(i, true) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    // A zip whose end record is gone was cut off (or is not a zip at all past its first bytes).
    if (eocd < 0) this.fail("corrupt", "no end of central directory record");
    let count = v.getUint16(eocd + 10, true);
    let cdSize = v.getUint32(eocd + 12, true);
    let cdOffset = v.getUint32(eocd + 16, true);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20) {
      const loc = eocd - 20;
      if (v.getUint32(loc, true) === SIG_EOCD64_LOCATOR) {
        const at = safeNumber(v.getBigUint64(loc + 8, true));
        if (at + 56 > n || v.getUint32(at, true) !== SIG_EOCD64) this.fail("corrupt", "bad zip64 end record");
        count = safeNumber(v.getBigUint64(at + 32, true));
        cdSize = safeNumber(v.getBigUint64(at + 40, true));
        cdOffset = safeNumber(v.getBigUint64(at + 48, true));
      }
    }
    if (cdOffset + cdSize > n) this.fail("corrupt", "central directory past the end of the file");
    if (count > this.limits.maxEntries) this.fail("too-large", `${count} zip entries`, `${count} 个部件 / parts`);
    let p = cdOffset;
    let total = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > n || v.getUint32(p, true) !== SIG_CENTRAL) this.fail("corrupt", `central directory entry ${k}`);
      const flags = v.getUint16(p + 8, true);
      const method = v.getUint16(p + 10, true);
      let compressedSize = v.getUint32(p + 20, true);
      let size = v.getUint32(p + 24, true);
      const nameLen = v.getUint16(p + 28, true);
      const extraLen = v.getUint16(p + 30, true);
      const commentLen = v.getUint16(p + 32, true);
      let localOffset = v.getUint32(p + 42, true);
      if (p + 46 + nameLen + extraLen > n) this.fail("corrupt", `central directory entry ${k}`);
      const name = normaliseName(new TextDecoder().decode(this.data.subarray(p + 46, p + 46 + nameLen)));
      // Zip64: the real sizes/offset are in extra field 0x0001, in this order, for those set to 0xFFFFFFFF.
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        let e = p + 46 + nameLen;
        const eEnd = e + extraLen;
        while (e + 4 <= eEnd) {
          const id = v.getUint16(e, true);
          const len = v.getUint16(e + 2, true);
          if (id === 1) {
            let f = e + 4;
            if (size === 0xffffffff && f + 8 <= e + 4 + len) {
              size = safeNumber(v.getBigUint64(f, true));
              f += 8;
            }
            if (compressedSize === 0xffffffff && f + 8 <= e + 4 + len) {
              compressedSize = safeNumber(v.getBigUint64(f, true));
              f += 8;
            }
            if (localOffset === 0xffffffff && f + 8 <= e + 4 + len) localOffset = safeNumber(v.getBigUint64(f, true));
            break;
          }
          e += 4 + len;
        }
      }
      // Bit 0: the entry is encrypted (zip-level password): nothing to read.
      if (flags & 1) this.fail("encrypted", `${name}: encrypted zip entry`);
      total += size;
      if (total > this.limits.maxTotalBytes)
        this.fail("too-large", `declared ${total} bytes uncompressed`, `解压后超过 ${mib(this.limits.maxTotalBytes)} / over ${mib(this.limits.maxTotalBytes)} uncompressed`);
      const entry: ZipEntry = {
        name,
        method,
        flags,
        compressedSize,
        size,
        localOffset,
        crc32: v.getUint32(p + 16, true),
        dosTime: v.getUint16(p + 12, true),
        dosDate: v.getUint16(p + 14, true),
      };
      this.ordered.push(entry);
      if (!name.endsWith("/")) this.byName.set(name.toLowerCase(), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** A part about to be read: its declared size within the per-part bound. */
  checkPartSize(entry: ZipEntry): void {
    if (entry.size > this.limits.maxPartBytes)
      this.fail("too-large", `${entry.name}: declared ${entry.size} bytes`, `${entry.name} 解压后 ${mib(entry.size)} / ${mib(entry.size)} uncompressed`);
  }

  private fail(reason: "corrupt" | "too-large" | "encrypted", detail: string, where?: string): never {
    throw new WorkbookReadError(this.file, reason, detail, where);
  }
}

function normaliseName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

function safeNumber(b: bigint): number {
  return b > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(b);
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
