/**
 * Spec §5 as a whole process: `node` on the CLI (start-up, reading, checking, writing the JSON) against the floor —
 * the time Node needs to unzip the same workbook and scan every cell of its sheet XML once, measured in the same run
 * by a tiny script — with the peak memory (max RSS) of each process. Runs alternate CLI/floor so both see the same
 * machine load; the ratio is the median of per-pair ratios.
 *
 * The CLI measured is the shipped one: build/cli/budget-check.cjs, built first by scripts/build-cli.mjs (what `npm ci`
 * and `npm run check` run), so what is timed is what a user runs, with no TypeScript compile per run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { OUT_DIR } from "./generate";
import { summarise, type Timing } from "./timing";

export interface ProcessResult {
  target: number;
  file: string;
  fileBytes: number;
  cli: Timing;
  floor: Timing;
  /** Per-pair CLI ÷ floor. */
  ratio: Timing;
  /** The floor with fflate's inflater instead of zlib (the floor of earlier runs), and CLI ÷ it. */
  floorFflate?: Timing;
  ratioFflate?: Timing;
  /** Peak resident memory, MB (largest over the runs). */
  cliPeakMb: number;
  floorPeakMb: number;
  exitCode: number;
}

const ROOT = path.join(__dirname, "..");
const BUNDLE = path.join(ROOT, "build", "cli", "budget-check.cjs");
const FLOOR = path.join(OUT_DIR, "floor.cjs");
const FLOOR_FFLATE = path.join(OUT_DIR, "floor-fflate.cjs");
const PEAK = path.join(OUT_DIR, "peak-rss.cjs");

/**
 * The floor: the central directory read, each sheet part inflated by Node's zlib (the fastest inflater Node has, and
 * the CLI's own), decoded, and one pass over every `<c`. `FLOOR_FFLATE_SCRIPT` does the same with fflate's
 * `unzipSync` (the floor of runs before 2026-12-02, when the CLI inflated with fflate); it is reported beside it.
 */
/** What both floors do with each sheet part's text: count every `<c`. */
const SCAN_CELLS = `  for (let i = xml.indexOf("<c"); i >= 0; i = xml.indexOf("<c", i + 2)) {
    const ch = xml.charCodeAt(i + 2);
    if (ch === 32 || ch === 62 || ch === 47) cells++;
  }`;
const SHEET_PART = String.raw`/^xl\/worksheets\/[^/]+\.xml$/i`;

const FLOOR_SCRIPT = `
const fs = require("node:fs");
const { inflateRawSync } = require("node:zlib");
const buf = fs.readFileSync(process.argv[2]);
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const n = buf.readUInt16LE(eocd + 10);
let off = buf.readUInt32LE(eocd + 16);
const dec = new TextDecoder();
let cells = 0;
for (let k = 0; k < n; k++) {
  const method = buf.readUInt16LE(off + 10), size = buf.readUInt32LE(off + 20), nameLen = buf.readUInt16LE(off + 28);
  const local = buf.readUInt32LE(off + 42), name = buf.toString("utf8", off + 46, off + 46 + nameLen);
  off += 46 + nameLen + buf.readUInt16LE(off + 30) + buf.readUInt16LE(off + 32);
  if (!${SHEET_PART}.test(name)) continue;
  const at = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const raw = buf.subarray(at, at + size);
  const xml = dec.decode(method === 8 ? inflateRawSync(raw) : raw);
${SCAN_CELLS}
}
process.stdout.write(String(cells));
`;

const FLOOR_FFLATE_SCRIPT = `
const fs = require("node:fs");
const { unzipSync } = require(${JSON.stringify(require.resolve("fflate"))});
const parts = unzipSync(fs.readFileSync(process.argv[2]));
const dec = new TextDecoder();
let cells = 0;
for (const name of Object.keys(parts)) {
  if (!${SHEET_PART}.test(name)) continue;
  const xml = dec.decode(parts[name]);
${SCAN_CELLS}
}
process.stdout.write(String(cells));
`;

/** Preloaded into both processes: reports the process's peak RSS (KB on Linux) on stderr's last line. */
const PEAK_SCRIPT = `process.on("exit", () => { process.stderr.write("\\npeak-rss-kb " + process.resourceUsage().maxRSS + "\\n"); });`;

export async function prepareProcessBench(): Promise<void> {
  await fs.mkdir(OUT_DIR, { recursive: true });
  await fs.writeFile(FLOOR, FLOOR_SCRIPT);
  await fs.writeFile(FLOOR_FFLATE, FLOOR_FFLATE_SCRIPT);
  await fs.writeFile(PEAK, PEAK_SCRIPT);
  // The shipped bin, rebuilt from the current sources (scripts/build-cli.mjs, as `npm ci` and `npm run check` do).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, stdio: "ignore" });
}

interface Run {
  ms: number;
  peakKb: number;
  code: number;
}

function run(args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", PEAK, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /peak-rss-kb (\d+)/.exec(r.stderr ?? "");
  if (r.status === null || r.status > 1 || !m) throw new Error(`${args.join(" ")}: exit ${r.status} ${r.stderr?.slice(0, 300)}`);
  return { ms, peakKb: Number(m[1]), code: r.status };
}

export async function measureProcess(target: number, file: string, reps: number, warmup = 1): Promise<ProcessResult> {
  const cliArgs = [BUNDLE, file, "--format", "json"];
  const floorArgs = [FLOOR, file];
  const fflateArgs = [FLOOR_FFLATE, file];
  for (let i = 0; i < warmup; i++) {
    run(cliArgs);
    run(floorArgs);
    run(fflateArgs);
  }
  const cli: Run[] = [];
  const floor: Run[] = [];
  const fflate: Run[] = [];
  for (let i = 0; i < reps; i++) {
    cli.push(run(cliArgs));
    floor.push(run(floorArgs));
    fflate.push(run(fflateArgs));
  }
  return {
    target,
    file: path.relative(ROOT, file),
    fileBytes: (await fs.stat(file)).size,
    cli: summarise(cli.map((r) => r.ms)),
    floor: summarise(floor.map((r) => r.ms)),
    ratio: summarise(cli.map((r, i) => r.ms / floor[i].ms)),
    floorFflate: summarise(fflate.map((r) => r.ms)),
    ratioFflate: summarise(cli.map((r, i) => r.ms / fflate[i].ms)),
    cliPeakMb: Math.max(...cli.map((r) => r.peakKb)) / 1024,
    floorPeakMb: Math.max(...floor.map((r) => r.peakKb)) / 1024,
    exitCode: cli[0].code,
  };
}

export const PROCESS_SIZES = [1_000, 10_000, 100_000, 300_000];
export const PROCESS_REPS: Record<number, number> = { 1_000: 7, 10_000: 5, 100_000: 3, 300_000: 2 };
/** Spec §5: within 5× the floor and under 300 MB at 100k rows; a small unit workbook under 0.3 s per process. */
export const FLOOR_TARGET = 5;
export const PEAK_TARGET_MB = 300;

export interface ProcessRow {
  measure: string;
  value: string;
  target: string;
  met: string;
}

const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const k = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));

export function processRows(results: ProcessResult[]): ProcessRow[] {
  const out: ProcessRow[] = [];
  for (const r of results) {
    const targeted = r.target >= 100_000;
    out.push({
      measure: `CLI process ${k(r.target)} (${r.fileBytes >= 2 ** 20 ? `${(r.fileBytes / 2 ** 20).toFixed(1)} MB` : `${Math.round(r.fileBytes / 1024)} KB`} file): node build/cli/budget-check.cjs --format json ÷ floor (node: zlib unzip + one scan of every cell; the fflate floor of earlier runs in brackets)`,
      value: `${r.ratio.median.toFixed(2)}× (${ms(r.cli.median)} ÷ ${ms(r.floor.median)}; pairs ${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}×) [${r.ratioFflate && r.floorFflate ? `${r.ratioFflate.median.toFixed(2)}× ÷ ${ms(r.floorFflate.median)}` : "—"}]`,
      target: targeted ? `≤ ${FLOOR_TARGET}×` : r.target <= 1_000 ? "< 300 ms per process" : "linear",
      met: targeted ? (r.ratio.median <= FLOOR_TARGET ? "yes" : "**no**") : r.target <= 1_000 ? (r.cli.median < 300 ? "yes" : "**no**") : "—",
    });
    out.push({
      measure: `CLI process ${k(r.target)}: peak memory (max RSS; floor's beside it)`,
      value: `${r.cliPeakMb.toFixed(0)} MB (floor ${r.floorPeakMb.toFixed(0)} MB)`,
      target: targeted ? `< ${PEAK_TARGET_MB} MB at 100k` : "reported",
      met: r.target === 100_000 ? (r.cliPeakMb < PEAK_TARGET_MB ? "yes" : "**no**") : "—",
    });
  }
  const small = results.find((r) => r.target === 10_000);
  const big = results.find((r) => r.target === 100_000);
  const huge = results.find((r) => r.target === 300_000);
  const per = (r: ProcessResult) => r.cli.median / r.target;
  if (small && big)
    out.push({
      measure: "CLI process linearity: time per row 100k ÷ 10k (300k ÷ 100k)",
      value: `${(per(big) / per(small)).toFixed(2)}${huge ? ` (${(per(huge) / per(big)).toFixed(2)})` : ""}`,
      target: "≈ 1 (≤ 1.25)",
      met: per(big) / per(small) <= 1.25 ? "yes" : "**no**",
    });
  return out;
}

export function processTable(results: ProcessResult[]): string {
  const lines = ["| measure | value | target | met? |", "|---|---|---|---|"];
  for (const r of processRows(results)) lines.push(`| ${r.measure} | ${r.value} | ${r.target} | ${r.met} |`);
  return lines.join("\n");
}
