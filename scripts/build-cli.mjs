/* global process, console */
/**
 * Builds the `budget-check` bin: src/cli/main.ts and all it imports, bundled by esbuild into one CommonJS file,
 * build/cli/budget-check.cjs, so a run starts without compiling TypeScript (tsx took 1.3–2.3 s a run).
 *
 *   node scripts/build-cli.mjs             build (the `prepare` script: npm install / npm ci run it)
 *   node scripts/build-cli.mjs --if-stale  build only if a file the last bundle was made from changed, or it is
 *                                          missing (`npm run check` runs this first, so it never runs old code)
 *
 * Plain JavaScript, not TypeScript: it runs at install time, before anything could compile it.
 * The bundle sits two folders below the project like src/cli/main.ts, so the paths it resolves from its own folder
 * (assets/sample.xlsx, see src/cli/sample.ts) hold for both. Not in dist/: that folder is the add-in's web site.
 * Exit code 1 with one line when the build fails, so a failing `prepare` fails `npm ci`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The bin: a small loader (src/cli/bin.ts) that tunes V8 and starts the checker's bundle with its code cache. */
const ENTRY = "src/cli/bin.ts";
const OUT = path.join(ROOT, "build", "cli", "budget-check.cjs");
/** The checker itself (src/cli/main.ts and all it imports). */
const CHECKER_ENTRY = "src/cli/main.ts";
const CHECKER_OUT = path.join(ROOT, "build", "cli", "checker.cjs");
/** V8's code cache of the checker (src/cli/code-cache.ts), made here by checking the sample once per report format. */
const CODE_CACHE = `${CHECKER_OUT}.v8cache`;
const SAMPLE = path.join(ROOT, "assets", "sample.xlsx");
/**
 * The batch pool's worker (src/cli/batch/pool.ts looks for check-worker.js beside the running bundle). piscina stays
 * external in both: it starts its own worker script from its package folder, which a bundle would not have.
 * pinyin-pro (700 kB, the initials of imported names for `catalogue search --catalogue`) stays external too, so the
 * runs that never need it do not load it.
 */
const WORKER_ENTRY = "src/cli/batch/check-worker.ts";
const WORKER_OUT = path.join(ROOT, "build", "cli", "check-worker.js");
/** The inputs of the last build (paths relative to ROOT), to tell whether it is stale. */
const INPUTS = path.join(ROOT, "build", "cli", "inputs.json");
/** Not in the bundle's inputs, but they change what it should be. */
const ALSO_DEPENDS_ON = ["scripts/build-cli.mjs", "package.json", "package-lock.json", "tsconfig.json"];

function isStale() {
  if (!existsSync(OUT) || !existsSync(CHECKER_OUT) || !existsSync(WORKER_OUT) || !existsSync(INPUTS)) return true;
  const built = statSync(OUT).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, "utf8"));
  } catch {
    return true;
  }
  return [...inputs, ...ALSO_DEPENDS_ON].some((file) => {
    try {
      return statSync(path.join(ROOT, file)).mtimeMs > built;
    } catch {
      return true; // an input was removed or renamed
    }
  });
}

async function build() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("esbuild is not installed (a devDependency): run `npm ci` first");
  }
  const inputs = new Set();
  // The old cache goes first: it must never sit beside a bundle it was not made from (its header's digest guards that too).
  rmSync(CODE_CACHE, { force: true });
  for (const [entry, out, banner] of [
    [WORKER_ENTRY, WORKER_OUT, undefined],
    [CHECKER_ENTRY, CHECKER_OUT, undefined],
    [ENTRY, OUT, "#!/usr/bin/env node"],
  ]) {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      external: ["piscina", "pinyin-pro"],
      ...(banner ? { banner: { js: banner } } : {}),
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    mkdirSync(path.dirname(out), { recursive: true });
    // Written beside and renamed: a run that starts meanwhile (or a parallel `npm run check`) sees a whole file.
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, result.outputFiles[0].contents, { mode: 0o755 });
    chmodSync(tmp, 0o755);
    renameSync(tmp, out);
    for (const f of Object.keys(result.metafile.inputs)) if (!f.includes(":")) inputs.add(f);
  }
  writeFileSync(INPUTS, `${JSON.stringify([...inputs], null, 1)}\n`);
  trainCodeCache();
}

/**
 * Checks the sample with each report format through the bin, which writes the code cache at exit (the second run
 * starts from the first's cache and adds what it compiled). Optional: without a cache the bin compiles as before, so
 * a failure here is one warning line, not a failed build.
 */
function trainCodeCache() {
  for (const format of ["json", "text"]) {
    const r = spawnSync(process.execPath, [OUT, SAMPLE, "--format", format], {
      cwd: ROOT,
      env: { ...process.env, BUDGET_CHECK_TRAIN_CODE_CACHE: "1" },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    if (r.status === null || r.status > 1) {
      rmSync(CODE_CACHE, { force: true });
      console.error(`build-cli: no code cache (the sample's check exited ${r.status}: ${(r.stderr ?? "").trim().split("\n")[0]}); the CLI starts without it`);
      return;
    }
  }
}

const ifStale = process.argv.includes("--if-stale");
if (!ifStale || isStale()) {
  try {
    await build();
    if (!ifStale) console.error(`built ${path.relative(ROOT, OUT)}`);
  } catch (e) {
    // esbuild's own errors name file, line and text; its message already lists them.
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`build-cli: could not build ${path.relative(ROOT, OUT)}: ${msg.replace(/\s*\n\s*/g, " ")}`);
    process.exit(1);
  }
}
