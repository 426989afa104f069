/**
 * Task pane bundle: a production webpack build of the pane alone into a temporary directory (never dist/, which the
 * other scripts own), then the gzip size of the main chunk and of the lazily loaded catalogue chunk.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { nowMs } from "./timing";

export interface PaneBundle {
  mainBytes: number;
  mainGzipBytes: number;
  catalogueGzipBytes: number;
  /** Every emitted .js chunk of the pane build: name → gzip bytes. */
  chunks: Record<string, number>;
  buildMs: number;
}

export async function measurePaneBundle(): Promise<PaneBundle> {
  const root = path.join(__dirname, "..");
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "bench-pane-"));
  try {
    const t0 = nowMs();
    execFileSync(process.execPath, [path.join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", "only=taskpane", "--env", `outDir=${out}`], {
      cwd: root,
      stdio: "pipe",
      timeout: 180_000,
    });
    const buildMs = nowMs() - t0;
    const chunks: Record<string, number> = {};
    for (const f of await fs.readdir(out)) if (f.endsWith(".js")) chunks[f] = gzipSync(await fs.readFile(path.join(out, f)), { level: 9 }).length;
    const main = await fs.readFile(path.join(out, "taskpane.js"));
    const catalogue = Object.keys(chunks).find((f) => f.startsWith("catalogue"));
    return { mainBytes: main.length, mainGzipBytes: chunks["taskpane.js"], catalogueGzipBytes: catalogue ? chunks[catalogue] : 0, chunks, buildMs };
  } finally {
    await fs.rm(out, { recursive: true, force: true });
  }
}
