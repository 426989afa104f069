/**
 * The CLI path in process: the reader alone (fs.readFile + src/xlsx) vs what `npm run check` does (readXlsxFile, then
 * checkWorkbook with the bundled catalogue), timed alternately. The whole-process figures against the floor (spec §5)
 * are measure-process.ts.
 */
import { readXlsxFile } from "../src/cli/xlsx-grid";
import { getCatalogueSync } from "../src/core/catalogue/sync";
import { checkWorkbook } from "../src/core/engine";
import { timePaired, type Timing } from "./timing";

export interface CliResult {
  /** fs.readFile + the reader (src/xlsx): the baseline. */
  load: Timing;
  /** readXlsxFile + checkWorkbook with the catalogue, as the CLI runs it. */
  loadAndCheck: Timing;
  /** Per-pair ratio loadAndCheck ÷ load (runs alternate, so both see the same machine load). */
  ratio: Timing;
  /** Kept for the report's column (the reader makes the grid directly: equal to load). */
  toGridMs: number;
  findings: number;
}

export async function measureCli(file: string, reps: number, warmup: number): Promise<CliResult> {
  const catalogue = getCatalogueSync();
  let findings = 0;
  const paired = await timePaired(
    () => readXlsxFile(file),
    async () => {
      const grid = await readXlsxFile(file);
      findings = checkWorkbook(grid, { catalogue }).findings.length;
    },
    reps,
    warmup,
  );
  return { load: paired.a, loadAndCheck: paired.b, ratio: paired.ratio, toGridMs: paired.a.median, findings };
}
