/** The pane first-render measurement: what a load's entries must hold, how loads are summarised and reported. */
import { isLocalRequest, MARKS, sampleFrom, summariseRenders, type PageEntries, type PaneRenderResult, type RenderSample } from "../../bench/measure-pane-render";
import { paneRenderRows } from "../../bench/report";
import { markOnce, PANE_FINDINGS_SHOWN, PANE_FIRST_RENDER, PREVIEW_SAMPLE_LOADED } from "../../src/taskpane/perf-marks";

const entries = (marks: Record<string, number>, domContentLoaded: number | null = 300): PageEntries => ({ marks, domContentLoaded });
const complete = { [PREVIEW_SAMPLE_LOADED]: 700, [PANE_FIRST_RENDER]: 880, [PANE_FINDINGS_SHOWN]: 1020 };

describe("one load's entries", () => {
  it("become a sample when every mark is there and in order", () => {
    expect(sampleFrom(entries({ ...complete, other: 5 }))).toEqual({ domContentLoaded: 300, sampleLoaded: 700, firstRender: 880, findingsShown: 1020 });
  });

  it("fail, naming the missing mark, rather than give a number", () => {
    const { [PANE_FINDINGS_SHOWN]: _, ...partial } = complete;
    expect(() => sampleFrom(entries(partial), "load 3 of 7")).toThrow(`load 3 of 7: performance mark(s) never set: ${PANE_FINDINGS_SHOWN}`);
    expect(() => sampleFrom(entries({}))).toThrow(`never set: ${MARKS.join(", ")} (marks seen: none)`);
  });

  it("fail without a DOMContentLoaded time or with marks out of order", () => {
    expect(() => sampleFrom(entries(complete, null))).toThrow("DOMContentLoaded");
    expect(() => sampleFrom(entries(complete, 0))).toThrow("DOMContentLoaded");
    expect(() => sampleFrom(entries({ ...complete, [PANE_FINDINGS_SHOWN]: 800 }))).toThrow("out of order");
    expect(() => sampleFrom(entries({ ...complete, [PREVIEW_SAMPLE_LOADED]: 900 }))).toThrow("out of order");
  });
});

describe("summary of the measured loads", () => {
  const s = (domContentLoaded: number, sampleLoaded: number, firstRender: number, findingsShown: number): RenderSample => ({ domContentLoaded, sampleLoaded, firstRender, findingsShown });

  it("takes median, min and max of each measure, and the pane's mount after the sample per load", () => {
    const r = summariseRenders([s(300, 700, 900, 1000), s(250, 600, 850, 950), s(400, 800, 960, 1100)]);
    expect(r.firstRender).toEqual({ median: 900, min: 850, max: 960, runs: 3 });
    expect(r.findingsShown).toEqual({ median: 1000, min: 950, max: 1100, runs: 3 });
    expect(r.domContentLoaded.median).toBe(300);
    expect(r.sampleLoaded.median).toBe(700);
    expect(r.paneMount).toEqual({ median: 200, min: 160, max: 250, runs: 3 });
  });

  it("refuses to summarise no loads", () => {
    expect(() => summariseRenders([])).toThrow("no measured loads");
  });
});

describe("requests", () => {
  const origin = "http://127.0.0.1:4321";
  it("allows only the local server, data: and blob: URLs", () => {
    expect(isLocalRequest(`${origin}/preview.js`, origin)).toBe(true);
    expect(isLocalRequest("data:image/png;base64,AA", origin)).toBe(true);
    expect(isLocalRequest(`blob:${origin}/x`, origin)).toBe(true);
    expect(isLocalRequest("http://127.0.0.1:4322/preview.js", origin)).toBe(false);
    expect(isLocalRequest("http://127.0.0.1:43210/x", origin)).toBe(false);
    expect(isLocalRequest("https://appsforoffice.microsoft.com/lib/1/hosted/office.js", origin)).toBe(false);
  });
});

describe("report rows", () => {
  const t = (median: number, min = median, max = median) => ({ median, min, max, runs: 7 });
  const result = (first: [number, number, number]): PaneRenderResult => ({
    browser: "Chromium 1",
    runs: 7,
    warmup: 1,
    query: "lang=zh-CN",
    viewport: { width: 1280, height: 800 },
    buildMs: 1,
    cjkFonts: 0,
    firstRender: t(...first),
    findingsShown: t(1044, 933, 1201),
    domContentLoaded: t(342),
    sampleLoaded: t(742),
    paneMount: t(170),
    samples: [],
  });

  it("give first render against < 1 s and first findings as reported", () => {
    const [render, findings] = paneRenderRows(result([905, 794, 980]));
    expect(render).toMatchObject({ target: "< 1 s", met: "yes" });
    expect(render.value).toBe("905 ms (794 ms–980 ms over 7 loads; DOMContentLoaded 342 ms, sample read by 742 ms, pane mount after it 170 ms)");
    expect(findings).toMatchObject({ value: "1044 ms (933 ms–1201 ms; 139 ms after the median first render)", target: "reported", met: "—" });
  });

  it("say when only the median meets the target, or when it does not", () => {
    expect(paneRenderRows(result([905, 794, 1060]))[0].met).toBe("yes (median; not every load)");
    expect(paneRenderRows(result([1005, 794, 1060]))[0].met).toBe("**no**");
  });

  it("carry the failure or the skip instead of a number", () => {
    expect(paneRenderRows({ error: "not measured: load 1 of 7: timed out" })).toEqual([expect.objectContaining({ value: "not measured: load 1 of 7: timed out", met: "—" })]);
    expect(paneRenderRows(undefined)[0].value).toMatch(/^not measured in this run/);
  });
});

describe("markOnce", () => {
  it("sets a mark once per page however often it is called", () => {
    const name = "test:mark-once";
    markOnce(name);
    markOnce(name);
    expect(performance.getEntriesByName(name, "mark")).toHaveLength(1);
  });
});
