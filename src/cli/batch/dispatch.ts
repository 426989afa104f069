/**
 * Where the CLI turns from one file to a batch: several FILEs, a folder, `merge`, or a batch option. One file
 * without batch options keeps the single-file report exactly.
 */
import path from "node:path";
import type { ImportedList } from "../../core/catalogue";
import type { RuleProfile } from "../../core/profiles";
import type { Lang } from "../bilingual";
import type { CheckDeps } from "../run-check";
import { isDirectory } from "./files";
import { defaultJobs } from "./pool";
import { runBatch, runMerge, type BatchDeps } from "./run-batch";
import { parseShard, type Shard } from "./shard";

export interface BatchOptions {
  jobs?: number;
  shard?: Shard;
  summary?: string;
  units?: string;
  /** Any of the above was given. */
  given: boolean;
}

export class BatchUsageError extends Error {
  constructor(
    readonly zh: string,
    en: string,
  ) {
    super(en);
  }
}

interface RawValues {
  jobs?: string | boolean | (string | boolean)[];
  shard?: string | boolean | (string | boolean)[];
  summary?: string | boolean | (string | boolean)[];
  units?: string | boolean | (string | boolean)[];
}

function str(v: RawValues[keyof RawValues]): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function parseBatchOptions(values: RawValues): BatchOptions {
  const out: BatchOptions = { given: false };
  const jobs = str(values.jobs);
  if (jobs !== undefined) {
    if (!/^\d+$/.test(jobs) || Number(jobs) < 1) throw new BatchUsageError(`--jobs 应为正整数，收到 "${jobs}"`, `--jobs must be a positive whole number, got "${jobs}"`);
    out.jobs = Number(jobs);
  }
  const shard = str(values.shard);
  if (shard !== undefined) {
    const s = parseShard(shard);
    if (!s) throw new BatchUsageError(`--shard 应为 K/N（1 ≤ K ≤ N），收到 "${shard}"`, `--shard must be K/N with 1 ≤ K ≤ N, got "${shard}"`);
    out.shard = s;
  }
  const summary = str(values.summary);
  if (summary !== undefined) {
    if (summary.toLowerCase() !== "csv" && !/\.csv$/i.test(summary))
      throw new BatchUsageError(`--summary 应为 csv 或以 .csv 结尾的文件名，收到 "${summary}"`, `--summary must be csv or a .csv file name, got "${summary}"`);
    out.summary = summary;
  }
  const units = str(values.units);
  if (units !== undefined) out.units = units;
  out.given = jobs !== undefined || shard !== undefined || summary !== undefined || units !== undefined;
  return out;
}

export function isBatch(files: readonly string[], options: BatchOptions, cwd?: string): boolean {
  if (files[0] === "merge" || files.length > 1 || options.given) return true;
  return cwd !== undefined && files.some((f) => isDirectory(path.resolve(cwd, f)));
}

export interface CommonArgs {
  format: "text" | "json" | "csv";
  lang: Lang;
  year?: number;
  profile?: RuleProfile;
  annotate?: string;
  /** The --catalogue files given, and the lists read from them (merge reads none). */
  catalogues?: string[];
  imported?: readonly ImportedList[];
}

export function runBatchCommand(files: readonly string[], options: BatchOptions, common: CommonArgs, deps: CheckDeps & Pick<BatchDeps, "checkFiles">): Promise<number> {
  const batchDeps: BatchDeps = { stdout: deps.stdout, stderr: deps.stderr, cwd: deps.cwd, progress: Boolean(deps.stderrIsTTY), checkFiles: deps.checkFiles };
  // merge runs no code rule (the shards did): a list given there would be silently ignored.
  if (files[0] === "merge" && common.catalogues?.length) {
    deps.stderr("用法错误：merge 不核对科目编码，请在各分片运行时使用 --catalogue / Usage error: merge checks no codes: give --catalogue to each shard's run\n");
    return Promise.resolve(2);
  }
  if (common.annotate !== undefined) {
    deps.stderr("用法错误：--annotate 只能用于单个文件 / Usage error: --annotate works on one file only\n");
    return Promise.resolve(2);
  }
  const args = {
    inputs: files[0] === "merge" ? files.slice(1) : [...files],
    format: common.format,
    lang: common.lang,
    jobs: options.jobs ?? defaultJobs(),
    ...(common.year !== undefined ? { year: common.year } : {}),
    ...(common.profile ? { profile: common.profile } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.summary !== undefined ? { summary: options.summary } : {}),
    ...(options.units !== undefined ? { units: options.units } : {}),
    ...(common.imported?.length ? { imported: common.imported } : {}),
  };
  if (files[0] === "merge") {
    if (options.shard) {
      deps.stderr("用法错误：merge 不接受 --shard / Usage error: merge takes no --shard\n");
      return Promise.resolve(2);
    }
    return runMerge(args.inputs, args, batchDeps);
  }
  return runBatch(args, batchDeps);
}
