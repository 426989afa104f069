/**
 * `npm run bench`: generates the 1k/10k/100k-row workbooks, measures the CLI path, the core (full and incremental),
 * the Excel adapter against the fake context, and the HyperFormula baseline, all in one process on this machine,
 * then writes bench/results.json and bench/results.md. Not part of `npm test`: the 100k run takes minutes.
 *
 *   npm run bench                 all sizes
 *   npm run bench -- 1000 10000   chosen sizes (results files are written only for the full default run; the pane's
 *                                 first render in headless Chromium is measured only in the full run)
 *   npm run bench -- --only cli   only the whole-process rows (CLI ÷ floor, peak memory) at 1k/10k/100k/300k (or the
 *                                 sizes given), written to bench/results-cli.md / .json
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execSync } from "node:child_process";
import { identitiesFor, recogniseAll } from "../src/core/engine";
import { getCatalogueSync } from "../src/core/catalogue/sync";
import { checkWorkbook } from "../src/core/engine";
import { DEFAULT_SIZES, generateModel, outputPath, totalRows, workbookOf, writeWorkbook } from "./generate";
import { measureAdapter, type AdapterResult } from "./measure-adapter";
import { measureCli, type CliResult } from "./measure-cli";
import { measureProcess, prepareProcessBench, processTable, PROCESS_REPS, PROCESS_SIZES, type ProcessResult } from "./measure-process";
import { editRunner, editableCells, fullCheck, incremental, phases, type CorePhases, type IncrementalResult } from "./measure-core";
import { measureHyperFormula, type HyperFormulaResult } from "./measure-hyperformula";
import { measureWorkerRoundTrip, type WorkerRoundTrip } from "./measure-worker";
import { measurePaneBundle, type PaneBundle } from "./measure-pane";
import { measurePaneRender, type PaneRenderResult } from "./measure-pane-render";
import { profile, type ProfileSummary } from "./profile";
import { writeReport } from "./report";
import { collectGarbage, nowMs, time, timePaired, type Timing } from "./timing";

export interface SizeResult {
  target: number;
  rows: number;
  units: number;
  nonEmptyCells: number;
  fileBytes: number;
  identities: number;
  cli: CliResult;
  core: { full: Timing; fullWithCatalogue: Timing; perRowUs: number; phases: CorePhases };
  hyperformula: HyperFormulaResult | { error: string };
  adapter: AdapterResult | { error: string };
}

export interface Linearity {
  smallRows: number;
  largeRows: number;
  /** Per-pair ratio of full-check times, large ÷ small (runs alternate). */
  timeRatio: Timing;
  /** timeRatio × small rows ÷ large rows: 1 = linear. */
  perRowRatio: number;
}

export interface BenchResults {
  meta: {
    date: string;
    node: string;
    cpu: string;
    cpus: number;
    memoryGb: number;
    platform: string;
    commit: string;
    durationS: number;
    /** 1-minute load average at start and end: above the CPU count, other work competed for the CPUs. */
    loadAvg: [number, number];
  };
  sizes: SizeResult[];
  incremental: IncrementalResult & { rows: number; withCatalogue: Timing & { samples: number[] } };
  profile: ProfileSummary & { rows: number };
  /** Profile of the incremental edits with the catalogue on (each edit and its revert). */
  editProfile: ProfileSummary & { rows: number; updates: number };
  linearity?: Linearity;
  pane: PaneBundle | { error: string };
  /** Pane edits through the check worker at the largest size, with the catalogue (absent in older results). */
  worker?: (WorkerRoundTrip & { rows: number }) | { error: string };
  /** Pane first render in headless Chromium (browser preview, bundled sample); absent in sizes-only runs. */
  paneRender?: PaneRenderResult | { error: string };
  /** Whole processes against the floor (spec §5); absent in older results. */
  process?: ProcessResult[];
}

/** Repetitions and warm-ups per size: more for the small ones, where noise and JIT warm-up weigh most. */
const REPS: Record<number, { reps: number; warmup: number }> = {
  1_000: { reps: 20, warmup: 3 },
  10_000: { reps: 7, warmup: 2 },
  100_000: { reps: 3, warmup: 1 },
};
const EDITS = 20;

function log(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

async function measureSize(target: number): Promise<SizeResult> {
  const { reps, warmup } = REPS[target] ?? { reps: 3, warmup: 1 };
  log(`${target}: generating`);
  const written = await writeWorkbook(target);
  const wb = workbookOf(generateModel(target), path.basename(written.file));
  const nonEmptyCells = wb.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.filter((v) => v !== null).length, 0), 0);
  // Core first, on a heap not yet grown by the reader: the CLI runs after it.
  log(`${target}: ${written.rows} rows, ${written.units} units; core`);
  const full = await fullCheck(wb, reps, warmup);
  const catalogue = getCatalogueSync();
  const fullWithCatalogue = await time(() => checkWorkbook(wb, { catalogue }), reps, warmup);
  collectGarbage();
  const ph = phases(wb, Math.min(reps, 5));
  log(`${target}: CLI path`);
  const cli = await measureCli(outputPath(target), reps, warmup);
  collectGarbage();
  const ids = identitiesFor(recogniseAll(wb));
  const cells = editableCells(ids, wb, EDITS);
  log(`${target}: HyperFormula`);
  let hyperformula: SizeResult["hyperformula"];
  try {
    hyperformula = await measureHyperFormula(wb, target >= 100_000 ? 1 : Math.min(reps, 5), target >= 100_000 ? 0 : warmup, cells, full);
  } catch (e) {
    hyperformula = { error: String(e) };
  }
  collectGarbage();
  log(`${target}: adapter`);
  let adapter: SizeResult["adapter"];
  try {
    adapter = await measureAdapter(wb);
  } catch (e) {
    adapter = { error: `not measured yet: ${String(e)}` };
  }
  collectGarbage();
  return {
    target,
    rows: totalRows(wb),
    units: written.units,
    nonEmptyCells,
    fileBytes: written.bytes,
    identities: ids.length,
    cli,
    core: { full, fullWithCatalogue, perRowUs: (full.median * 1000) / totalRows(wb), phases: ph },
    hyperformula,
    adapter,
  };
}

/** HEAD, and whether src/ had uncommitted changes when the run started (the tree is shared with other work). */
function gitCommit(): string {
  try {
    const cwd = path.join(__dirname, "..");
    const head = execSync("git rev-parse --short HEAD", { cwd, encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain -- src", { cwd, encoding: "utf8" }).trim();
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return "unknown";
  }
}

/** Whole-process CLI ÷ floor and peak memory per size; generates the workbooks it lacks. */
async function measureProcesses(sizes: number[]): Promise<ProcessResult[]> {
  log("process rows: building the CLI (scripts/build-cli.mjs), writing the floor script");
  await prepareProcessBench();
  const out: ProcessResult[] = [];
  for (const size of sizes) {
    let file = outputPath(size);
    try {
      await fs.access(file);
    } catch {
      log(`${size}: generating`);
      file = (await writeWorkbook(size)).file;
    }
    log(`${size}: CLI process vs floor, alternating`);
    const r = await measureProcess(size, file, PROCESS_REPS[size] ?? 2);
    log(`${size}: ${r.ratio.median.toFixed(2)}× (${r.cli.median.toFixed(0)} ms ÷ ${r.floor.median.toFixed(0)} ms), peak ${r.cliPeakMb.toFixed(0)} MB`);
    out.push(r);
  }
  return out;
}

const CLI_START = "<!-- bench-cli:start (written by npm run bench -- --only cli) -->";
const CLI_END = "<!-- bench-cli:end -->";

async function onlyProcesses(asked: number[]): Promise<void> {
  const t0 = nowMs();
  const loadStart = os.loadavg()[0];
  const sizes = asked.length ? asked : PROCESS_SIZES;
  const results = await measureProcesses(sizes);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cpus: os.cpus().length,
    commit: gitCommit(),
    durationS: Math.round((nowMs() - t0) / 1000),
    loadAvg: [Number(loadStart.toFixed(2)), Number(os.loadavg()[0].toFixed(2))],
  };
  const dir = asked.length ? path.join(__dirname, "out") : __dirname;
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "results-cli.json"), `${JSON.stringify({ meta, process: results }, null, 2)}\n`);
  const md = [
    "# CLI as a whole process vs the floor (spec §5)",
    "",
    `Measured by \`npm run bench -- --only cli\` on ${meta.date.slice(0, 10)}: ${meta.cpu} (${meta.cpus} CPUs), Node ${meta.node}, commit ${meta.commit}; 1-minute load average ${meta.loadAvg[0]} at the start, ${meta.loadAvg[1]} at the end${meta.loadAvg[0] > meta.cpus ? " (**above the CPU count: other work shared the machine**)" : ""}.`,
    "",
    processTable(results),
    "",
    "Each run spawns `node` (with a preload that reports `process.resourceUsage().maxRSS`): the shipped CLI (`build/cli/budget-check.cjs`, rebuilt first by `scripts/build-cli.mjs`; no TypeScript compile per run) on the generated workbook with `--format json`, and the floor script (the zip's central directory, each sheet part inflated by Node's zlib — the CLI's own inflater since 2026-12-02 — and decoded, then one `indexOf` pass over every `<c`), and in brackets the earlier floor that unzips with fflate's `unzipSync` instead. Runs alternate; the ratio is the median of per-pair ratios.",
    "",
  ].join("\n");
  await fs.writeFile(path.join(dir, "results-cli.md"), md);
  if (!asked.length) {
    // The README's copy of the table, between its markers (left alone when they are missing).
    const readme = path.join(__dirname, "..", "README.md");
    const text = await fs.readFile(readme, "utf8").catch(() => undefined);
    const a = text?.indexOf(CLI_START) ?? -1;
    const b = text?.indexOf(CLI_END) ?? -1;
    if (text !== undefined && a >= 0 && b > a) {
      const load = `load average ${meta.loadAvg[0]} → ${meta.loadAvg[1]} on ${meta.cpus} CPUs`;
      const body = `Last run: ${meta.date.slice(0, 10)}, commit ${meta.commit}, ${load} (details: \`bench/results-cli.md\`).\n\n${processTable(results)}`;
      await fs.writeFile(readme, `${text.slice(0, a + CLI_START.length)}\n\n${body}\n\n${text.slice(b)}`);
    }
  }
  log(`done in ${meta.durationS} s: ${path.join(dir, "results-cli.md")}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = argv.indexOf("--only");
  if (only >= 0) {
    if (argv[only + 1] !== "cli") throw new Error("--only takes: cli");
    return onlyProcesses(argv.filter((_, i) => i !== only && i !== only + 1).map(Number).filter((n) => n > 0));
  }
  const t0 = nowMs();
  const loadStart = os.loadavg()[0];
  const commit = gitCommit();
  const asked = argv.map(Number).filter((n) => n > 0);
  const sizes = asked.length ? asked : DEFAULT_SIZES;
  const full = sizes.length === DEFAULT_SIZES.length && sizes.every((s, i) => s === DEFAULT_SIZES[i]);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measureSize(size));
  const largest = Math.max(...sizes);
  log(`${largest}: incremental re-check`);
  const wb = workbookOf(generateModel(largest), `budget-${largest}.xlsx`);
  const inc = incremental(wb, EDITS);
  const withCatalogue = incrementalWithCatalogue(largest);
  log(`${largest}: edits through the check worker (in process, structuredClone for postMessage)`);
  let worker: BenchResults["worker"];
  try {
    worker = { ...measureWorkerRoundTrip(wb, EDITS), rows: totalRows(wb) };
  } catch (e) {
    worker = { error: `not measured: ${String(e).slice(0, 200)}` };
  }
  log(`${largest}: CPU profile of one full check`);
  const prof = await profile(() => checkWorkbook(wb));
  log(`${largest}: CPU profile of ${EDITS} edits (and reverts) with the catalogue on`);
  const editProf = await profile(editRunner(wb, EDITS, { catalogue: getCatalogueSync() }));
  const linearity = sizes.length > 1 ? await measureLinearity(sizes[sizes.length - 2], largest) : undefined;
  log("task pane bundle (production webpack build into a temporary directory)");
  let pane: BenchResults["pane"];
  try {
    pane = await measurePaneBundle();
  } catch (e) {
    pane = { error: `not measured: ${String(e).slice(0, 200)}` };
  }
  let paneRender: BenchResults["paneRender"];
  if (full) {
    log("task pane first render (production build of the preview, cold loads in headless Chromium)");
    try {
      paneRender = await measurePaneRender();
    } catch (e) {
      log(`task pane first render failed: ${String(e)}`);
      paneRender = { error: `not measured: ${String(e).slice(0, 300)}` };
    }
  } else log("task pane first render: skipped (sizes-only run)");
  const processes = full ? await measureProcesses(PROCESS_SIZES) : undefined;
  const out: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? "unknown",
      cpus: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      commit,
      durationS: Math.round((nowMs() - t0) / 1000),
      loadAvg: [Number(loadStart.toFixed(2)), Number(os.loadavg()[0].toFixed(2))],
    },
    sizes: results,
    incremental: { ...inc, rows: totalRows(wb), withCatalogue },
    worker,
    profile: { ...prof, rows: totalRows(wb) },
    editProfile: { ...editProf, rows: totalRows(wb), updates: 2 * EDITS },
    linearity,
    pane,
    paneRender,
    process: processes,
  };
  const dir = full ? __dirname : path.join(__dirname, "out");
  await fs.mkdir(dir, { recursive: true });
  await writeReport(out, dir);
  log(`done in ${out.meta.durationS} s: ${path.join(dir, "results.md")}`);
}

/** Full checks of the two largest sizes, alternated so both see the same machine load: is the per-row time flat? */
async function measureLinearity(small: number, large: number): Promise<Linearity> {
  log(`linearity: ${small} vs ${large} rows, alternating`);
  const a = workbookOf(generateModel(small), "small");
  const b = workbookOf(generateModel(large), "large");
  const paired = await timePaired(() => checkWorkbook(a), () => checkWorkbook(b), 3, 1);
  const smallRows = totalRows(a);
  const largeRows = totalRows(b);
  return { smallRows, largeRows, timeRatio: paired.ratio, perRowRatio: (paired.ratio.median * smallRows) / largeRows };
}

/** The same edits with the catalogue on (the pane passes it once loaded): findings then include catalogue infos. */
function incrementalWithCatalogue(rows: number): Timing & { samples: number[] } {
  const wb = workbookOf(generateModel(rows), `budget-${rows}.xlsx`);
  const r = incremental(wb, EDITS, { catalogue: getCatalogueSync() });
  return r.edit;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
