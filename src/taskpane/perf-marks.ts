/**
 * Performance marks for `npm run bench` (bench/measure-pane-render.ts reads them in headless Chromium). Each mark is
 * set once per page: a pane re-mounted later (the preview opening another workbook) adds none. Harmless in Office;
 * a no-op where the User Timing API is missing.
 */
export const PANE_FIRST_RENDER = "pane:first-render";
export const PANE_FINDINGS_SHOWN = "pane:findings-shown";
/** The first full check that ran in the check worker (none when checks fell back to the pane's own thread). */
export const CHECK_IN_WORKER = "check:in-worker";
/** Browser preview only: its sample workbook is read (it is read before the pane mounts). */
export const PREVIEW_SAMPLE_LOADED = "preview:sample-loaded";

export function markOnce(name: string): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  if (typeof performance.getEntriesByName === "function" && performance.getEntriesByName(name, "mark").length > 0) return;
  performance.mark(name);
}
