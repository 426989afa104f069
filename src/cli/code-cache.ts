/**
 * Starts the checker's bundle with V8's code cache. Each run of the CLI used to parse and compile the 700 kB bundle
 * and then, as the check went on, each function it called for the first time: on a unit workbook that was a tenth
 * of the process's time. The cache holds that bytecode, made by the build on the bundled sample (see
 * scripts/build-cli.mjs), so a run deserialises it instead.
 *
 * The cache only ever saves time: V8 rejects one made by another V8 version or with other flags, and this rejects
 * one made for another build of the bundle (the build id on the bundle's first line, repeated in the cache's
 * header; V8 itself only compares the source's length). A rejected or missing cache means the bundle is compiled as
 * before. The bundle must not use import(): node 20 gives vm scripts none that works with a cache (a test of the
 * built bundle checks). Never written by a user's run: only when the build asks (BUDGET_CHECK_TRAIN_CODE_CACHE=1), beside the bundle.
 */
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import vm from "node:vm";

/** The bundle's first line, written by the build: `// build-id <hex>`. */
const BUILD_ID_LINE = /^\/\/ build-id ([0-9a-f]{16,64})\n/;
export const TRAIN_ENV = "BUDGET_CHECK_TRAIN_CODE_CACHE";

export function cacheFileOf(bundle: string): string {
  return `${bundle}.v8cache`;
}

/** The cache's V8 data when it was made for this build of the bundle, else undefined. */
export function cachedDataFor(source: string, cache: Buffer | undefined): Buffer | undefined {
  const id = BUILD_ID_LINE.exec(source)?.[1];
  if (!id || !cache) return undefined;
  const header = `${id}\n`;
  if (cache.length <= header.length || cache.toString("latin1", 0, header.length) !== header) return undefined;
  return cache.subarray(header.length);
}

/** What the cache file holds: the build id, then V8's data. */
export function cacheContents(source: string, data: Buffer): Buffer | undefined {
  const id = BUILD_ID_LINE.exec(source)?.[1];
  return id ? Buffer.concat([Buffer.from(`${id}\n`, "latin1"), data]) : undefined;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** How a bundle was compiled: from its cache, or anew (no cache for this build, or V8 would not take it). */
export type CacheUse = "used" | "none" | "rejected";

export interface StartedBundle {
  /** The bundle's module.exports once its top level ran. */
  exports: unknown;
  cache: CacheUse;
  /** Writes the cache from what V8 has compiled of the bundle so far (beside the bundle, renamed into place). */
  saveCache(): void;
}

/**
 * Runs a CommonJS bundle as `require` would (its own module, require, __dirname), compiled with its code cache when
 * that fits. With `train`, writes the cache when the process exits, so it holds every function the run compiled.
 */
export function runBundle(bundle: string, train = process.env[TRAIN_ENV] === "1"): StartedBundle {
  const source = fs.readFileSync(bundle, "utf8");
  const cacheFile = cacheFileOf(bundle);
  const cachedData = cachedDataFor(source, readIfThere(cacheFile));
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const cache: CacheUse = !cachedData ? "none" : script.cachedDataRejected ? "rejected" : "used";
  if (process.env.BUDGET_CHECK_DEBUG) process.stderr.write(`code cache: ${cache}\n`);
  const saveCache = (): void => {
    const contents = cacheContents(source, script.createCachedData());
    if (!contents) return;
    // Written beside and renamed: a run starting meanwhile reads a whole cache or none.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, cacheFile);
  };
  if (train) process.on("exit", saveCache);
  const mod = new Module(bundle, require.main);
  mod.filename = bundle;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return { exports: mod.exports, cache, saveCache };
}
