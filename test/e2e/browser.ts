/**
 * Builds the preview once (production, into a temp dir), serves it on 127.0.0.1 and opens Debian's Chromium through
 * playwright-core. Every page is watched: console errors, page errors and any request to a non-local URL are
 * collected so each test can assert there were none.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDirectory, type StaticServer } from "./static-server";

/** Where a Chromium may be: CHROMIUM_PATH if set, else Debian's package, else the usual other names. */
export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(
  (p): p is string => Boolean(p),
);

/** The first Chromium installed here, or undefined. */
export function findChromium(): string | undefined {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

export const CHROMIUM = findChromium() ?? CHROMIUM_CANDIDATES[0];
/** The flags every headless run here uses (the end-to-end tests and the pane benchmark). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface PreviewEnv {
  browser: Browser;
  server: StaticServer;
  outDir: string;
  close(): Promise<void>;
}

export function buildPreview(outDir: string): void {
  const root = path.resolve(__dirname, "../..");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--env", "only=preview", "--env", `outDir=${outDir}`],
    { cwd: root, stdio: "pipe", timeout: 300_000 },
  );
}

export async function startPreview(): Promise<PreviewEnv> {
  const outDir = process.env.PREVIEW_DIR ?? mkdtempSync(path.join(os.tmpdir(), "preview-e2e-"));
  if (!process.env.PREVIEW_DIR) buildPreview(outDir);
  const server = await serveDirectory(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser,
    server,
    outDir,
    close: async () => {
      await browser.close();
      await server.close();
      if (!process.env.PREVIEW_DIR) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  problems: string[];
  /** URLs of the Web Workers the page started (the pane's check worker). */
  workers: string[];
}

/** `block`: URL patterns whose requests fail, as if the file could not be loaded (e.g. the check worker). */
export async function openPreview(env: PreviewEnv, query = "lang=zh-CN", block: string[] = []): Promise<WatchedPage> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  for (const pattern of block) await context.route(pattern, (r) => r.abort());
  const page = await context.newPage();
  const problems: string[] = [];
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  const local = new URL(env.server.url).origin;
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(local) && !u.startsWith("data:") && !u.startsWith("blob:")) problems.push(`non-local request: ${u}`);
  });
  await page.goto(`${env.server.url}preview.html?${query}`);
  return { page, problems, workers };
}
