/**
 * Task pane first render (spec §5: under 1 s on a cold load): a production build of the browser preview (the real
 * pane over the in-memory host, with the bundled sample workbook) into a temporary directory, served on 127.0.0.1
 * and loaded in headless Chromium (playwright-core, Debian's /usr/bin/chromium, as the end-to-end tests do).
 *
 * Every load is cold: a fresh browser context (empty HTTP cache, code cache and storage). After warm-up loads, each
 * measured load reads the pane's Performance marks (src/taskpane/perf-marks.ts), whose startTime is in ms since the
 * navigation started, and the navigation's DOMContentLoaded:
 *
 *   preview:sample-loaded  the preview has read its sample .xlsx (before the pane mounts; Office has no such step)
 *   pane:first-render      the pane's root has committed its first render
 *   pane:findings-shown    the first check result (findings, recognised tables) is on screen
 *
 * A mark that never appears, a page error, a console error or any request that is not to the local server fails
 * the measurement instead of reporting a number. Nothing can leave the machine: Chromium runs without a proxy and
 * with every host name resolving to nothing (the server is addressed as 127.0.0.1).
 *
 *   npx tsx bench/measure-pane-render.ts [runs] [warmup]     prints the summary (default 7 runs after 1 warm-up)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { PANE_FINDINGS_SHOWN, PANE_FIRST_RENDER, PREVIEW_SAMPLE_LOADED } from "../src/taskpane/perf-marks";
import { buildPreview, CHROMIUM, CHROMIUM_ARGS } from "../test/e2e/browser";
import { serveDirectory } from "../test/e2e/static-server";
import { nowMs, summarise, type Timing } from "./timing";

export const MARKS = [PREVIEW_SAMPLE_LOADED, PANE_FIRST_RENDER, PANE_FINDINGS_SHOWN] as const;

/** One load, in ms since navigation start. */
export interface RenderSample {
  domContentLoaded: number;
  sampleLoaded: number;
  firstRender: number;
  findingsShown: number;
}

/** What the page reports: the marks present (name → startTime) and the navigation entry's DOMContentLoaded. */
export interface PageEntries {
  marks: Record<string, number>;
  domContentLoaded: number | null;
}

export interface PaneRenderResult {
  browser: string;
  /** Measured loads (after `warmup` loads that are checked but not counted). */
  runs: number;
  warmup: number;
  query: string;
  viewport: { width: number; height: number };
  buildMs: number;
  /** Fonts covering Chinese on this machine (fontconfig); 0: the pane's Chinese text falls back to boxes. */
  cjkFonts: number | null;
  firstRender: Timing;
  findingsShown: Timing;
  domContentLoaded: Timing;
  sampleLoaded: Timing;
  /** first render − sample loaded, per load: the pane's own mount, without the preview's reading of the sample. */
  paneMount: Timing;
  samples: RenderSample[];
}

export interface RenderOptions {
  runs?: number;
  warmup?: number;
  /** Per load: how long to wait for all marks before failing. */
  timeoutMs?: number;
  /** An already built preview (e.g. PREVIEW_DIR of the e2e tests); otherwise built into a temporary directory. */
  previewDir?: string;
}

const QUERY = "lang=zh-CN";
const VIEWPORT = { width: 1280, height: 800 };
/** The end-to-end tests' flags, plus no proxy and no name resolution: no request can leave 127.0.0.1. */
const ARGS = [
  ...CHROMIUM_ARGS,
  "--no-proxy-server",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/** Checks one load's entries and turns them into a sample; throws rather than return a partial or disordered one. */
export function sampleFrom(e: PageEntries, what = "load"): RenderSample {
  const missing = MARKS.filter((m) => typeof e.marks[m] !== "number" || !Number.isFinite(e.marks[m]));
  if (missing.length) throw new Error(`${what}: performance mark(s) never set: ${missing.join(", ")} (marks seen: ${Object.keys(e.marks).join(", ") || "none"})`);
  if (e.domContentLoaded === null || !(e.domContentLoaded > 0)) throw new Error(`${what}: no DOMContentLoaded time in the navigation entry`);
  const s: RenderSample = {
    domContentLoaded: e.domContentLoaded,
    sampleLoaded: e.marks[PREVIEW_SAMPLE_LOADED],
    firstRender: e.marks[PANE_FIRST_RENDER],
    findingsShown: e.marks[PANE_FINDINGS_SHOWN],
  };
  if (!(s.sampleLoaded > 0 && s.sampleLoaded <= s.firstRender && s.firstRender <= s.findingsShown))
    throw new Error(`${what}: marks out of order (sample loaded ${s.sampleLoaded}, first render ${s.firstRender}, findings shown ${s.findingsShown} ms)`);
  return s;
}

/** Median, min and max of each measure over the measured loads. */
export function summariseRenders(samples: readonly RenderSample[]): Pick<PaneRenderResult, "firstRender" | "findingsShown" | "domContentLoaded" | "sampleLoaded" | "paneMount"> {
  if (samples.length === 0) throw new Error("no measured loads");
  const of = (f: (s: RenderSample) => number) => summarise(samples.map(f));
  return {
    firstRender: of((s) => s.firstRender),
    findingsShown: of((s) => s.findingsShown),
    domContentLoaded: of((s) => s.domContentLoaded),
    sampleLoaded: of((s) => s.sampleLoaded),
    paneMount: of((s) => s.firstRender - s.sampleLoaded),
  };
}

/** Whether a request URL stays on the local server (data: and blob: URLs never touch the network). */
export function isLocalRequest(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith("data:") || url.startsWith("blob:");
}

function cjkFontCount(): number | null {
  try {
    return execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").filter((l) => l.trim()).length;
  } catch {
    return null;
  }
}

/** One cold load in a fresh context: waits for every mark, then reads them. */
async function load(browser: Browser, url: string, timeoutMs: number, what: string): Promise<RenderSample> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN", serviceWorkers: "block" });
  const problems: string[] = [];
  context.on("request", (r) => {
    if (!isLocalRequest(r.url(), origin)) problems.push(`non-local request: ${r.url()}`);
  });
  try {
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs });
    // The marks carry their own times: polling only decides when to read them, it does not enter the measure.
    const waited = await page
      .waitForFunction((names) => names.every((n) => performance.getEntriesByName(n, "mark").length > 0), [...MARKS], { timeout: timeoutMs, polling: 50 })
      .then(() => null, (e: unknown) => e);
    const entries = await page.evaluate((): PageEntries => {
      const marks: Record<string, number> = {};
      for (const m of performance.getEntriesByType("mark")) marks[m.name] = m.startTime;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return { marks, domContentLoaded: nav ? nav.domContentLoadedEventStart : null };
    });
    if (problems.length) throw new Error(`${what}: ${problems.join("; ")}`);
    if (waited) {
      const missing = MARKS.filter((m) => !(m in entries.marks));
      throw new Error(`${what}: timed out after ${timeoutMs} ms waiting for performance mark(s) ${missing.join(", ")} (marks seen: ${Object.keys(entries.marks).join(", ") || "none"})`);
    }
    return sampleFrom(entries, what);
  } finally {
    await context.close();
  }
}

export async function measurePaneRender(options: RenderOptions = {}): Promise<PaneRenderResult> {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const outDir = options.previewDir ?? mkdtempSync(path.join(os.tmpdir(), "bench-preview-"));
  let buildMs = 0;
  try {
    if (!options.previewDir) {
      const t0 = nowMs();
      buildPreview(outDir);
      buildMs = nowMs() - t0;
    }
    const server = await serveDirectory(outDir);
    try {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
      try {
        const url = `${server.url}preview.html?${QUERY}`;
        for (let i = 0; i < warmup; i++) await load(browser, url, timeoutMs, `warm-up load ${i + 1}`);
        const samples: RenderSample[] = [];
        for (let i = 0; i < runs; i++) samples.push(await load(browser, url, timeoutMs, `load ${i + 1} of ${runs}`));
        return { browser: `Chromium ${browser.version()}`, runs, warmup, query: QUERY, viewport: VIEWPORT, buildMs, cjkFonts: cjkFontCount(), ...summariseRenders(samples), samples };
      } finally {
        await browser.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    if (!options.previewDir) rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /measure-pane-render\.ts$/.test(process.argv[1])) {
  const [runs, warmup] = process.argv.slice(2).map(Number);
  const f = (t: Timing) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
  measurePaneRender({ runs: runs > 0 ? runs : undefined, warmup: warmup >= 0 ? warmup : undefined, previewDir: process.env.PREVIEW_DIR })
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      console.error(
        `${r.browser}, ${r.runs} cold loads after ${r.warmup} warm-up (build ${(r.buildMs / 1000).toFixed(1)} s), median (min–max) since navigation start:\n` +
          `  DOMContentLoaded      ${f(r.domContentLoaded)}\n  sample loaded         ${f(r.sampleLoaded)}\n` +
          `  pane first render     ${f(r.firstRender)}   (pane mount after the sample: ${f(r.paneMount)})\n  first findings shown  ${f(r.findingsShown)}`,
      );
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
