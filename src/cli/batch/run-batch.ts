/**
 * Several files, folders, shards (`budget-check a.xlsx dir/ --shard 2/3`) and `budget-check merge a.json b.json`.
 * A batch checks each file as the single-file CLI does (check-file.ts, in a worker pool), then runs the
 * cross-workbook rules (spec §7) over every readable workbook.
 *
 * Shards and cross-workbook rules: a shard sees only its files, so it runs no cross-workbook rule; its JSON carries
 * each file's extract ("workbook") instead, and `merge` runs the rules over all of them. The merged output is the
 * output one run over all the files gives (same files, same order, same findings).
 */
import fs from "node:fs";
import path from "node:path";
import type { ImportedList } from "../../core/catalogue";
import type { RuleProfile } from "../../core/profiles";
import { workbookFindings, type WorkbookEntry } from "../../core/workbooks";
import type { Lang } from "../bilingual";
import type { PublicFinding } from "../../core/finding";
import { findingFromPublic } from "../report-json";
import { isUnreadable, type CheckedFile, type FileOutcome, type FileTask } from "./check-file";
import { collectInputs, emptyFolders } from "./files";
import { checkFiles as poolCheckFiles, type CheckFiles } from "./pool";
import { progressLine } from "./progress";
import { batchExitCode, EXIT_CANNOT_READ, formatBatchCsv, formatBatchJson, formatBatchText, formatSummaryCsv, type BatchResult } from "./report";
import { shardLabel, takeShard, type Shard } from "./shard";
import { parseUnitsMap, UnitsMapError } from "./units-map";

export interface BatchArgs {
  inputs: string[];
  format: "text" | "json" | "csv";
  lang: Lang;
  year?: number;
  profile?: RuleProfile;
  jobs: number;
  shard?: Shard;
  /** "csv": the summary instead of the report on stdout; a file name (.csv): the summary written there as well. */
  summary?: string;
  /** Unit → department mapping file (--units). */
  units?: string;
  /** The --catalogue lists, already read: every file is checked against them as a single-file run would be. */
  imported?: readonly ImportedList[];
}

export interface BatchDeps {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Show the progress line (stderr is a terminal). */
  progress: boolean;
  checkFiles?: CheckFiles;
}

function fail(deps: BatchDeps, zh: string, en: string): number {
  deps.stderr(`${`${zh} / ${en}`.replace(/\s*\n\s*/g, " ").trim()}\n`);
  return EXIT_CANNOT_READ;
}

function readUnitsMap(args: BatchArgs, deps: BatchDeps): Map<string, string> | undefined | number {
  if (args.units === undefined) return undefined;
  try {
    return parseUnitsMap(fs.readFileSync(path.resolve(deps.cwd, args.units), "utf8"));
  } catch (e) {
    const msg = e instanceof UnitsMapError ? e.message : e instanceof Error ? e.message.split("\n")[0] : String(e);
    return fail(deps, `无法读取单位对照表 ${args.units}：${msg}`, `Cannot read the units mapping ${args.units}: ${msg}`);
  }
}

function entriesOf(files: readonly FileOutcome[]): WorkbookEntry[] {
  return files.flatMap((f) => (!isUnreadable(f) && f.workbook ? [{ file: f.file, workbook: f.workbook }] : []));
}

function emit(result: BatchResult, args: BatchArgs, deps: BatchDeps): number {
  if (args.summary !== undefined && args.summary.toLowerCase() === "csv") deps.stdout(formatSummaryCsv(result));
  else {
    deps.stdout(args.format === "json" ? formatBatchJson(result) : args.format === "csv" ? formatBatchCsv(result) : formatBatchText(result, args.lang));
    if (args.summary !== undefined) {
      try {
        fs.writeFileSync(path.resolve(deps.cwd, args.summary), formatSummaryCsv(result));
      } catch (e) {
        const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
        return fail(deps, `无法写入汇总表 ${args.summary}：${msg}`, `Cannot write the summary ${args.summary}: ${msg}`);
      }
    }
  }
  return batchExitCode(result);
}

export async function runBatch(args: BatchArgs, deps: BatchDeps): Promise<number> {
  const unitMap = readUnitsMap(args, deps);
  if (typeof unitMap === "number") return unitMap;
  const empty = emptyFolders(args.inputs, deps.cwd);
  const all = collectInputs(args.inputs, deps.cwd);
  if (all.length === 0 || (empty.length > 0 && empty.length === args.inputs.length))
    return fail(deps, `在 ${args.inputs.join("、")} 中没有找到工作簿（.xlsx、.xlsm 等）`, `no workbook (.xlsx, .xlsm, …) found in ${args.inputs.join(", ")}`);
  const files = args.shard ? takeShard(all, args.shard) : all;
  const tasks: FileTask[] = files.map((f) => ({
    path: f.path,
    file: f.file,
    ...(args.year !== undefined ? { year: args.year } : {}),
    ...(args.profile ? { profile: args.profile } : {}),
  }));
  const progress = progressLine(deps.progress, deps.stderr);
  const outcomes = await (deps.checkFiles ?? poolCheckFiles)(tasks, args.jobs, (done, last) => progress.update(done, tasks.length, last.file), args.imported);
  progress.end();
  const result: BatchResult = args.shard
    ? { files: outcomes, findings: [], shard: shardLabel(args.shard) }
    : { files: outcomes, findings: workbookFindings(entriesOf(outcomes), { unitMap, profile: args.profile }) };
  return emit(result, args, deps);
}

interface ShardFile {
  shard?: string;
  files: FileOutcome[];
}

function parseShardFile(text: string): ShardFile | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null || !Array.isArray((v as ShardFile).files)) return null;
  const s = v as ShardFile;
  const ok = s.files.every(
    (f) =>
      typeof f === "object" &&
      f !== null &&
      typeof f.file === "string" &&
      (typeof (f as { error?: unknown }).error === "string" || (Array.isArray((f as CheckedFile).tables) && Array.isArray((f as CheckedFile).findings))),
  );
  if (!ok || (s.shard !== undefined && typeof s.shard !== "string")) return null;
  // The JSON names cells in A1 text; the findings in memory by row and column.
  try {
    const files = s.files.map((f) => (isUnreadable(f) ? f : { ...f, findings: (f.findings as unknown as PublicFinding[]).map(findingFromPublic) }));
    return { ...s, files };
  } catch {
    return null;
  }
}

/** `merge a.json b.json …`: the shards' JSON (from `--format json --shard K/N`) into the result of one run. */
export async function runMerge(inputs: readonly string[], args: BatchArgs, deps: BatchDeps): Promise<number> {
  if (inputs.length === 0) return fail(deps, "merge 需要各分片的 JSON 输出文件", "merge needs the shards' JSON outputs");
  const unitMap = readUnitsMap(args, deps);
  if (typeof unitMap === "number") return unitMap;
  const shards: ShardFile[] = [];
  for (const input of inputs) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(deps.cwd, input), "utf8");
    } catch {
      return fail(deps, `无法读取分片输出 ${input}`, `Cannot read the shard output ${input}`);
    }
    const parsed = parseShardFile(text);
    if (!parsed)
      return fail(deps, `${input} 不是分片的 JSON 输出（请用 --format json --shard K/N 生成）`, `${input} is not a shard's JSON output (make it with --format json --shard K/N)`);
    shards.push(parsed);
  }
  // All shards of one split, each once: a missing shard would silently drop its files.
  const labels = shards.map((s) => s.shard).filter((s): s is string => s !== undefined);
  if (labels.length > 0) {
    const counts = new Set(labels.map((l) => l.split("/")[1]));
    const n = Number([...counts][0]);
    const have = new Set(labels);
    const missing = Array.from({ length: n }, (_, i) => `${i + 1}/${n}`).filter((l) => !have.has(l));
    if (counts.size > 1 || labels.length !== have.size || missing.length > 0 || labels.length !== shards.length)
      return fail(
        deps,
        `分片不完整或重复：收到 ${labels.join("、") || "（无）"}${missing.length ? `，缺少 ${missing.join("、")}` : ""}`,
        `incomplete or repeated shards: got ${labels.join(", ") || "(none)"}${missing.length ? `, missing ${missing.join(", ")}` : ""}`,
      );
  }
  const byFile = new Map<string, FileOutcome>();
  for (const s of shards) for (const f of s.files) if (!byFile.has(f.file)) byFile.set(f.file, f);
  const files = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // A run's JSON without --shard carries no extracts: its files are merged, but cannot take part in the rules.
  const bare = files.filter((f) => !isUnreadable(f) && f.workbook === undefined).length;
  if (bare > 0)
    deps.stderr(
      `注意：${bare} 个文件没有提取数据（不是 --shard 的输出），未参与跨工作簿核对 / Note: ${bare} files carry no extract (not a --shard output) and take no part in the cross-workbook rules\n`,
    );
  const result: BatchResult = { files, findings: workbookFindings(entriesOf(files), { unitMap, profile: args.profile }) };
  return emit(result, args, deps);
}
