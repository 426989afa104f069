/**
 * The checker's code cache (src/cli/code-cache.ts): a bundle runs as `require` would run it, with or without a
 * cache; a cache is taken only for the build it was made from, and one V8 cannot use costs nothing but time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cacheContents, cacheFileOf, cachedDataFor, runBundle } from "../../src/cli/code-cache";

const ID = "0123456789abcdef0123456789abcdef";

/** A bundle that reports what a CommonJS module sees, and a function that only a call compiles. */
function writeBundle(dir: string, id: string | null, value = 41): string {
  const file = path.join(dir, "checker.cjs");
  const body = `exports.seen = { dirname: __dirname, filename: __filename, sep: require("node:path").sep, self: module.exports === exports };
exports.later = function later(n) { return n + ${value}; };
`;
  fs.writeFileSync(file, (id ? `// build-id ${id}\n` : "") + body);
  return file;
}

describe("code cache", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("runs a bundle as a CommonJS module of its own folder", () => {
    const file = writeBundle(dir, ID);
    const started = runBundle(file, false);
    expect(started.cache).toBe("none");
    const exports = started.exports as { seen: unknown; later(n: number): number };
    expect(exports.seen).toEqual({ dirname: dir, filename: file, sep: path.sep, self: true });
    expect(exports.later(1)).toBe(42);
  });

  it("a saved cache is used by the next start of the same build, and the bundle still runs", () => {
    const file = writeBundle(dir, ID);
    const first = runBundle(file, false);
    (first.exports as { later(n: number): number }).later(1);
    first.saveCache();
    expect(fs.readFileSync(cacheFileOf(file)).subarray(0, ID.length + 1).toString("latin1")).toBe(`${ID}\n`);
    const second = runBundle(file, false);
    expect(second.cache).toBe("used");
    expect((second.exports as { later(n: number): number }).later(1)).toBe(42);
  });

  it("a cache of another build is not taken, even when the bundle has the same length", () => {
    const file = writeBundle(dir, ID, 41);
    runBundle(file, false).saveCache();
    // Same length, other code: V8 alone would compare only the length and run the old code.
    writeBundle(dir, "fedcba9876543210fedcba9876543210", 42);
    const started = runBundle(file, false);
    expect(started.cache).toBe("none");
    expect((started.exports as { later(n: number): number }).later(1)).toBe(43);
  });

  it("a damaged cache with the right header is rejected by V8 and the bundle compiles anew", () => {
    const file = writeBundle(dir, ID);
    fs.writeFileSync(cacheFileOf(file), Buffer.concat([Buffer.from(`${ID}\n`), Buffer.alloc(4096, 7)]));
    const started = runBundle(file, false);
    expect(started.cache).toBe("rejected");
    expect((started.exports as { later(n: number): number }).later(0)).toBe(41);
  });

  it("a bundle without a build id never takes or makes a cache", () => {
    const source = "exports.x = 1;\n";
    expect(cacheContents(source, Buffer.from("data"))).toBeUndefined();
    expect(cachedDataFor(source, Buffer.from(`${ID}\ndata`))).toBeUndefined();
    const file = writeBundle(dir, null);
    const started = runBundle(file, false);
    started.saveCache();
    expect(fs.existsSync(cacheFileOf(file))).toBe(false);
  });

  it("reads the header exactly: a truncated cache or another id is none", () => {
    const source = `// build-id ${ID}\nexports.x = 1;\n`;
    expect(cachedDataFor(source, Buffer.from(`${ID}\n`))).toBeUndefined();
    expect(cachedDataFor(source, Buffer.from(`${ID.slice(1)}0\nxx`))).toBeUndefined();
    expect(cachedDataFor(source, undefined)).toBeUndefined();
    expect(cachedDataFor(source, Buffer.from(`${ID}\nxx`))?.toString()).toBe("xx");
  });
});
