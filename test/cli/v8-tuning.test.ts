/** The CLI's V8 tuning (src/cli/v8-tuning.ts): set once at start, never over a budget the user gave node. */
import { spawnSync } from "node:child_process";
import v8 from "node:v8";
import { INLINING_BUDGET, tuneV8ForShortRun } from "../../src/cli/v8-tuning";

describe("tuneV8ForShortRun", () => {
  const set = jest.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
  afterEach(() => set.mockClear());
  afterAll(() => set.mockRestore());

  it("sets the inlining budget when node was given none", () => {
    expect(tuneV8ForShortRun(["--enable-source-maps", "--max-old-space-size=4096"])).toBe(true);
    expect(set).toHaveBeenCalledWith(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
  });

  it("leaves a budget given in node's arguments, spelt with - or _ (node refuses it in NODE_OPTIONS)", () => {
    expect(tuneV8ForShortRun(["--max-inlined-bytecode-size-cumulative=500"])).toBe(false);
    expect(tuneV8ForShortRun(["--max_inlined_bytecode_size_cumulative=40"])).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });
});

describe("the flag itself", () => {
  it("is one this node knows: setting it prints nothing (V8 writes unknown flags to stderr)", () => {
    const flag = (name: string) => spawnSync(process.execPath, ["-e", `require("node:v8").setFlagsFromString("--${name}=${INLINING_BUDGET}")`], { encoding: "utf8" });
    expect(flag("max-inlined-bytecode-size-cumulative").stderr).toBe("");
    // The check can fail: an unknown flag is reported.
    expect(flag("max-inlined-bytecode-size-cumulative-nonesuch").stderr).toMatch(/unrecognized flag/);
  });
});
