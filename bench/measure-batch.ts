/**
 * A bureau's batch (issue 19): N small unit workbooks (default 1,000) checked in one CLI process, as a whole
 * process (start-up, walking the folder, reading, checking, the cross-workbook rules, writing the JSON), once per
 * --jobs value. Run alone, it is CPU heavy:
 *
 *   npx tsx bench/measure-batch.ts                 1,000 workbooks, --jobs 1 and --jobs 2
 *   npx tsx bench/measure-batch.ts 200 1 2 4       200 workbooks, --jobs 1, 2 and 4
 *
 * The workbooks are the published Hebei unit workbook (test/fixtures) with its amounts scaled and its unit renamed:
 * 20 distinct variants, each copied to fill the folder (the checker keeps nothing between files, so copies cost the
 * same as distinct files). Writes bench/results-batch.json and prints a Markdown row per run.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readXlsxFile } from "../src/xlsx/read-file";
import { gridToXlsx } from "../test/helpers/grid-to-xlsx";
import { asUnit, scaledAmounts } from "../test/helpers/bureau";

const ROOT = path.resolve(__dirname, "..");
const FIXTURE = path.join(ROOT, "test/fixtures/hebei-qinhuangdao-social-insurance-2023.xlsx");
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const VARIANTS = 20;

interface Run {
  jobs: number;
  files: number;
  seconds: number;
  filesPerSecond: number;
  msPerFile: number;
  exitCode: number;
  checkedFiles: number;
}

async function makeFolder(dir: string, count: number): Promise<number> {
  const base = await readXlsxFile(FIXTURE);
  const buffers: Buffer[] = [];
  for (let i = 0; i < Math.min(VARIANTS, count); i++) buffers.push(await gridToXlsx(asUnit(scaledAmounts(base, i + 1), `单位${i + 1}`, "某某局")));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `d${String(Math.floor(i / 100)).padStart(2, "0")}`);
    fs.mkdirSync(sub, { recursive: true });
    const b = buffers[i % buffers.length];
    fs.writeFileSync(path.join(sub, `unit-${String(i).padStart(4, "0")}.xlsx`), b);
    bytes += b.length;
  }
  return bytes;
}

function runCli(dir: string, jobs: number): Promise<{ seconds: number; code: number; stdout: string }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "src/cli/main.ts"), dir, "--format", "json", "--jobs", String(jobs)],
      { maxBuffer: 1 << 30, timeout: 3_600_000 },
      (err, stdout) => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ seconds, code, stdout });
      },
    );
  });
}

async function main(): Promise<void> {
  const [countArg, ...jobArgs] = process.argv.slice(2);
  const count = countArg ? Number(countArg) : 1000;
  const jobsList = jobArgs.length ? jobArgs.map(Number) : [1, 2];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-batch-"));
  try {
    const bytes = await makeFolder(dir, count);
    process.stderr.write(`${count} workbooks, ${(bytes / count / 1024).toFixed(1)} KB each, in ${dir}\n`);
    const runs: Run[] = [];
    for (const jobs of jobsList) {
      const r = await runCli(dir, jobs);
      const checked = (JSON.parse(r.stdout) as { files: unknown[] }).files.length;
      runs.push({ jobs, files: count, seconds: r.seconds, filesPerSecond: count / r.seconds, msPerFile: (r.seconds * 1000) / count, exitCode: r.code, checkedFiles: checked });
      process.stdout.write(`| ${count} workbooks | --jobs ${jobs} | ${r.seconds.toFixed(1)} s | ${(count / r.seconds).toFixed(1)} files/s | ${((r.seconds * 1000) / count).toFixed(0)} ms/file | exit ${r.code} |\n`);
    }
    const meta = { date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model ?? "", cpus: os.cpus().length, loadavg: os.loadavg() };
    fs.writeFileSync(path.join(__dirname, "results-batch.json"), `${JSON.stringify({ meta, runs }, null, 2)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
