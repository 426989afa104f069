/**
 * Starts the checker's bundle with V8's code cache. Each run of the CLI used to parse and compile the 700 kB bundle
 * and then, as the check went on, each function it called for the first time: on a unit workbook that was a tenth
 * of the process's time. The cache holds that bytecode, made by the build on the bundled sample (see
 * scripts/build-cli.mjs), so a run deserialises it instead.
 *
 * The cache only ever saves time, so it is taken only when it is exactly what the build wrote for exactly this
 * bundle: its header holds the SHA-256 of the bundle's bytes and of V8's data, both checked at every start (about
 * 1.5 ms). V8 would not do either — a release build does not verify its data's checksum, so a flipped bit could run
 * wrong code or crash, and it compares only the source's length, so an edited bundle of the same length would run
 * the old code. V8 still rejects data made by another V8 version or under other flags (a NODE_OPTIONS V8 flag, a
 * node switched after the build): a rejected or missing cache means the bundle is compiled as before. The bundle must
 * not use import(): node 20 gives vm scripts none that works with a cache (a test of the built bundle checks).
 * Never written by a user's run: only when the build asks (BUDGET_CHECK_TRAIN_CODE_CACHE=1), beside the bundle.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import vm from "node:vm";

export const TRAIN_ENV = "BUDGET_CHECK_TRAIN_CODE_CACHE";
/** The cache file's first line: this tag, the bundle's digest, the data's digest. */
const TAG = "budget-check-code-cache-1";
const HEADER = new RegExp(`^${TAG} ([0-9a-f]{64}) ([0-9a-f]{64})\n`);
/** Longest header: what is read of a cache before the data's digest is known. */
const HEADER_BYTES = TAG.length + 2 * 65 + 1;

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export function cacheFileOf(bundle: string): string {
  return `${bundle}.v8cache`;
}

/** The cache's V8 data when it is whole and was made for these bundle bytes, else undefined. */
export function cachedDataFor(source: Uint8Array, cache: Buffer | undefined): Buffer | undefined {
  if (!cache) return undefined;
  const m = HEADER.exec(cache.toString("latin1", 0, Math.min(cache.length, HEADER_BYTES)));
  if (!m) return undefined;
  const data = cache.subarray(m[0].length);
  if (data.length === 0 || m[1] !== sha256(source) || m[2] !== sha256(data)) return undefined;
  return data;
}

/** What the cache file holds: the header naming the bundle's bytes and the data, then V8's data. */
export function cacheContents(source: Uint8Array, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${TAG} ${sha256(source)} ${sha256(data)}\n`, "latin1"), data]);
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** How a bundle was compiled: from its cache, or anew (no cache for these bytes, or V8 would not take it). */
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
  const bytes = fs.readFileSync(bundle);
  const cacheFile = cacheFileOf(bundle);
  const cachedData = cachedDataFor(bytes, readIfThere(cacheFile));
  const script = new vm.Script(Module.wrap(bytes.toString("utf8")), { filename: bundle, cachedData });
  const cache: CacheUse = !cachedData ? "none" : script.cachedDataRejected ? "rejected" : "used";
  if (process.env.BUDGET_CHECK_DEBUG) process.stderr.write(`code cache: ${cache}\n`);
  const saveCache = (): void => {
    const contents = cacheContents(bytes, script.createCachedData());
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
