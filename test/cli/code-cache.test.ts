/**
 * The checker's code cache (src/cli/code-cache.ts): a bundle runs as `require` would run it, with or without a
 * cache; a cache is taken only when it is whole and was made for exactly these bundle bytes, and one V8 cannot use
 * costs nothing but time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { cacheContents, cacheFileOf, cachedDataFor, runBundle } from "../../src/cli/code-cache";

/** A bundle that reports what a CommonJS module sees, and a function that only a call compiles. */
function writeBundle(dir: string, value = 41): string {
  const file = path.join(dir, "checker.cjs");
  const body = `exports.seen = { dirname: __dirname, filename: __filename, sep: require("node:path").sep, self: module.exports === exports };
exports.later = function later(n) { return n + ${value}; };
`;
  fs.writeFileSync(file, body);
  return file;
}

const later = (exports: unknown) => (exports as { later(n: number): number }).later;

describe("code cache", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A bundle started once and its cache saved, as the build's training run does. */
  function trained(value = 41): string {
    const file = writeBundle(dir, value);
    const first = runBundle(file, false);
    later(first.exports)(1);
    first.saveCache();
    return file;
  }

  it("runs a bundle as a CommonJS module of its own folder", () => {
    const file = writeBundle(dir);
    const started = runBundle(file, false);
    expect(started.cache).toBe("none");
    const exports = started.exports as { seen: unknown };
    expect(exports.seen).toEqual({ dirname: dir, filename: file, sep: path.sep, self: true });
    expect(later(started.exports)(1)).toBe(42);
  });

  it("a saved cache is used by the next start of the same bundle, and the bundle still runs", () => {
    const file = trained();
    expect(fs.readFileSync(cacheFileOf(file)).toString("latin1", 0, 26)).toBe("budget-check-code-cache-1 ");
    const second = runBundle(file, false);
    expect(second.cache).toBe("used");
    expect(later(second.exports)(1)).toBe(42);
  });

  it("a cache of other bundle bytes is not taken, even when the bundle has the same length", () => {
    const file = trained(41);
    // Same length, other code: V8 alone would compare only the length and run the old code.
    writeBundle(dir, 42);
    const started = runBundle(file, false);
    expect(started.cache).toBe("none");
    expect(later(started.exports)(1)).toBe(43);
  });

  it("a cache damaged anywhere in V8's data is not taken: one flipped bit would otherwise run wrong code or crash", () => {
    const file = trained();
    const whole = fs.readFileSync(cacheFileOf(file));
    const header = whole.indexOf(10) + 1;
    for (const at of [header, header + 17, Math.floor((header + whole.length) / 2), whole.length - 1]) {
      const damaged = Buffer.from(whole);
      damaged[at] ^= 1;
      fs.writeFileSync(cacheFileOf(file), damaged);
      const started = runBundle(file, false);
      expect(started.cache).toBe("none");
      expect(later(started.exports)(1)).toBe(42);
    }
    // Cut short, or with bytes after it: not what the build wrote either.
    for (const bytes of [whole.subarray(0, whole.length - 1), Buffer.concat([whole, Buffer.from([0])]), whole.subarray(0, header)]) {
      fs.writeFileSync(cacheFileOf(file), bytes);
      expect(runBundle(file, false).cache).toBe("none");
    }
  });

  it("whole data V8 will not take for this source is rejected, and the bundle compiles anew", () => {
    const file = writeBundle(dir);
    // Data made for another script, under a header that names this bundle: V8's own check refuses it.
    const other = new vm.Script("(function () { return 1 + 1; })").createCachedData();
    fs.writeFileSync(cacheFileOf(file), cacheContents(fs.readFileSync(file), other));
    const started = runBundle(file, false);
    expect(started.cache).toBe("rejected");
    expect(later(started.exports)(0)).toBe(41);
  });

  it("reads the header exactly", () => {
    const source = Buffer.from("exports.x = 1;\n");
    const data = Buffer.from("v8 data");
    expect(cachedDataFor(source, cacheContents(source, data))?.toString()).toBe("v8 data");
    expect(cachedDataFor(source, undefined)).toBeUndefined();
    expect(cachedDataFor(Buffer.from("exports.x = 2;\n"), cacheContents(source, data))).toBeUndefined();
    expect(cachedDataFor(source, cacheContents(source, Buffer.alloc(0)))).toBeUndefined();
    const good = cacheContents(source, data).toString("latin1");
    for (const bad of [good.replace("-1 ", "-2 "), good.replace(" ", "  "), good.replace("\n", "\r\n"), good.toUpperCase(), good.slice(1)])
      expect(cachedDataFor(source, Buffer.from(bad, "latin1"))).toBeUndefined();
  });

  it("a plain run never writes a cache", () => {
    const file = writeBundle(dir);
    runBundle(file, false);
    expect(fs.existsSync(cacheFileOf(file))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(["checker.cjs"]);
  });
});
