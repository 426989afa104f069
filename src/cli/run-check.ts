/**
 * The CLI behind `npm run check` (spec §4), as a function of its arguments and injectable dependencies so the
 * formatting and exit codes are testable without child processes or a finished engine.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { GridWorkbook } from "../core/grid";
import type { CheckResult, Finding } from "../core/finding";
import type { CheckOptions } from "../core/engine";
import { checkWorkbook } from "../core/engine";
import type { ImportedList } from "../core/catalogue";
import { getCatalogueSync } from "../core/catalogue/sync";
import { findingsToCsv } from "../core/report/export";
import { PROFILE_NAMES, parseTolerance, unknownRuleKeys, type RuleProfile } from "../core/profiles";
import type { AnnotateSummary } from "./annotate";
import { annotateOutputProblem } from "../xlsx/annotate/output-target";
import { hasWorkbookExtension } from "../xlsx/annotate/workbook-kind";
import { say, type Lang } from "./bilingual";
import { formatJsonReport } from "./report-json";
import { invocationDir } from "./invocation-dir";
import { formatTextReport } from "./report-text";
import { bundledSamplePath } from "./sample";
import { WorkbookReadError } from "./workbook-read-error";
import { BATCH_USAGE } from "./batch/usage";
import { isBatch, parseBatchOptions, runBatchCommand, type BatchOptions } from "./batch/dispatch";
import { readXlsxFile } from "./xlsx-grid";
import { CodeListFileError, readCodeLists } from "./code-list-file";

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_CANNOT_READ = 2;

export interface CheckDeps {
  readWorkbook: (file: string) => Promise<GridWorkbook>;
  check: (wb: GridWorkbook, options: CheckOptions) => CheckResult;
  annotate: (
    input: string,
    output: string,
    findings: readonly Finding[],
    lang: Lang,
    overwrite: boolean,
  ) => Promise<AnnotateSummary>;
  /** Why the --annotate output must not be written (exists without --force, not a regular file), or null. */
  annotateOutputProblem: (output: string, overwrite: boolean) => { zh: string; en: string } | null;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Workbook checked when no FILE is given. */
  samplePath: string;
  /** Relative FILE and OUT paths are resolved from here (where the user ran the command). */
  cwd: string;
  /** Print stack traces of unexpected errors (BUDGET_CHECK_DEBUG=1). */
  debug: boolean;
  /** stderr is a terminal: several files show a progress line there. */
  stderrIsTTY?: boolean;
}

export function defaultDeps(): CheckDeps {
  return {
    readWorkbook: readXlsxFile,
    // The CLI always has the catalogue at hand; the pane loads it lazily and passes it the same way.
    // An imported list (--catalogue) comes as options.catalogue and wins.
    check: (wb, options) => checkWorkbook(wb, { catalogue: getCatalogueSync(), ...options }),
    // Loaded only when asked: a plain check does not pay for the patching code's start-up.
    annotate: async (input, output, findings, _lang, overwrite) =>
      (await import("./annotate")).annotateWorkbook(input, output, findings, { overwrite }),
    annotateOutputProblem,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    samplePath: bundledSamplePath(),
    cwd: invocationDir(),
    debug: Boolean(process.env.BUDGET_CHECK_DEBUG),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

export const USAGE = `用法 / Usage: budget-check [FILE.xlsx] [options]
       （在项目中 / in the project: npm run --silent check -- [FILE.xlsx] [options]）
       budget-check catalogue --help      政府收支分类科目查询 / classification code look-up

检查部门预算/单位预算公开表中的合计、层级和表间勾稽关系。
Checks the totals, hierarchies and cross-table identities of Chinese budget disclosure tables.
不指定 FILE 时检查自带的示例工作簿。 / Without FILE, checks the bundled sample workbook.

选项 / Options:
  -f, --format text|json|csv
                           输出格式（默认 text）/ output format (default: text)
                           json: stdout 仅输出一个 JSON 对象 { file, tables, findings }
                                 stdout is one JSON object { file, tables, findings } and nothing else
                           csv:  问题清单（UTF-8 带 BOM，Excel 可直接打开）/ the findings (UTF-8 with BOM, opens in Excel)
      --profile default|strict|minimal
                           规则方案 / rule profile: default 全部规则; strict 警告按错误处理 / warnings become errors;
                           minimal 只报求和类错误 / sum errors only
      --disable RULE       关闭某条或某组规则，可重复，如 --disable cross. --disable cell.number-as-text
                           switch a rule or a group off (repeatable)
      --tolerance AMOUNT   求和与表间核对的差额不超过 AMOUNT（按表内单位：元或万元）时不算不符，只作提示，如 0.01
                           sum and cross-table differences up to AMOUNT (in the table's unit) are notes, not errors
  -a, --annotate OUT.xlsx  另存一份标注副本：问题单元格填色并加批注（不修改原文件；.xlsm 等存为同类扩展名）
                           write a copy with marked cells and notes (the input is never modified; an .xlsm,
                           .xltx or .xltm keeps its extension)
      --force              允许 --annotate 覆盖已有文件 / let --annotate replace an existing file
      --lang zh|en         只用中文或只用英文（默认中英对照）/ Chinese or English only (default: both)
      --year YYYY          预算年度（默认从标题读取）/ budget year (default: read from the titles)
      --catalogue FILE     导入财政部门下发的科目表（.xlsx/.csv，可重复），按其核对科目编码与名称；
                           表中列出的上级科目视为完整，未列出的编码报错
                           check codes against the official list (.xlsx/.csv, repeatable); it is complete for
                           every parent it lists, so a code missing there is an error
      --catalogue-year YYYY
                           导入科目表的年度（默认适用于任何年度）/ the imported list's year (default: any year)
  -h, --help               显示本帮助 / show this help

退出码 / Exit codes:
  0  没有错误（可能有警告或提示）/ no error findings (warnings or notes may remain)
  1  发现错误 / error findings
  2  文件无法读取、无法写入或用法错误 / the file cannot be read or written, or bad usage
${BATCH_USAGE}`;

interface ParsedArgs {
  file: string | undefined;
  /** Every FILE or folder given; several, a folder, merge or a batch option → the batch (batch/). */
  files: string[];
  batch: BatchOptions;
  format: "text" | "json" | "csv";
  profile: RuleProfile | undefined;
  annotate: string | undefined;
  force: boolean;
  lang: Lang;
  year: number | undefined;
  catalogues: string[];
  catalogueYear: number | undefined;
  help: boolean;
}

class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        annotate: { type: "string", short: "a" },
        lang: { type: "string" },
        year: { type: "string" },
        profile: { type: "string" },
        disable: { type: "string", multiple: true },
        tolerance: { type: "string" },
        force: { type: "boolean" },
        catalogue: { type: "string", multiple: true },
        "catalogue-year": { type: "string" },
        help: { type: "boolean", short: "h" },
        jobs: { type: "string", short: "j" },
        shard: { type: "string" },
        summary: { type: "string" },
        units: { type: "string" },
      },
    });
  } catch (e) {
    const msg = firstLine(e instanceof Error ? e.message : String(e));
    throw new UsageError(`参数有误（${msg}）`, msg);
  }
  const { values, positionals } = parsed;
  let batch: BatchOptions;
  try {
    batch = parseBatchOptions(values);
  } catch (e) {
    throw e instanceof Error && "zh" in e ? new UsageError(String(e.zh), e.message) : e;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "csv")
    throw new UsageError(
      `--format 只能是 text、json 或 csv，收到 "${format}"`,
      `--format must be text, json or csv, got "${format}"`,
    );
  const profileName = values.profile ?? (values.disable?.length || values.tolerance !== undefined ? "default" : undefined);
  if (profileName !== undefined && !(PROFILE_NAMES as readonly string[]).includes(profileName))
    throw new UsageError(
      `--profile 只能是 ${PROFILE_NAMES.join("、")}，收到 "${profileName}"`,
      `--profile must be one of ${PROFILE_NAMES.join(", ")}, got "${profileName}"`,
    );
  const unknown = unknownRuleKeys(values.disable ?? []);
  if (unknown.length)
    throw new UsageError(`--disable 中没有这样的规则：${unknown.join("，")}`, `no such rule for --disable: ${unknown.join(", ")}`);
  const tolerance = values.tolerance === undefined ? undefined : parseTolerance(values.tolerance);
  if (tolerance === null)
    throw new UsageError(
      `--tolerance 应为不小于 0 的金额，如 0.01，收到 "${values.tolerance}"`,
      `--tolerance must be an amount of 0 or more, such as 0.01, got "${values.tolerance}"`,
    );
  const profile: RuleProfile | undefined =
    profileName === undefined
      ? undefined
      : { name: profileName as RuleProfile["name"], disabled: values.disable ?? [], ...(tolerance !== undefined ? { tolerance } : {}) };
  const lang = values.lang ?? "both";
  if (lang !== "zh" && lang !== "en" && lang !== "both")
    throw new UsageError(`--lang 只能是 zh 或 en，收到 "${lang}"`, `--lang must be zh or en, got "${lang}"`);
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year))
      throw new UsageError(
        `--year 应为四位年份，收到 "${values.year}"`,
        `--year must be a 4-digit year, got "${values.year}"`,
      );
    year = Number(values.year);
  }
  const catalogueYear = values["catalogue-year"];
  if (catalogueYear !== undefined && !/^\d{4}$/.test(catalogueYear))
    throw new UsageError(
      `--catalogue-year 应为四位年份，收到 "${catalogueYear}"`,
      `--catalogue-year must be a 4-digit year, got "${catalogueYear}"`,
    );
  if (catalogueYear !== undefined && !values.catalogue?.length)
    throw new UsageError("--catalogue-year 需要与 --catalogue FILE 一起使用", "--catalogue-year needs --catalogue FILE");
  if (values.annotate !== undefined && !hasWorkbookExtension(values.annotate))
    throw new UsageError(
      `--annotate 的输出文件应以 .xlsx（或与原文件相同的 .xlsm、.xltx、.xltm）结尾，收到 "${values.annotate}"`,
      `--annotate needs an .xlsx file name (or the input's .xlsm, .xltx, .xltm), got "${values.annotate}"`,
    );
  if (values.force && values.annotate === undefined)
    throw new UsageError("--force 只与 --annotate 一起使用", "--force only goes with --annotate");
  if (values.annotate !== undefined && isBatch(positionals, batch))
    throw new UsageError("--annotate 只能用于单个文件", "--annotate works on one file only");
  return {
    file: positionals[0],
    files: positionals,
    batch,
    format,
    profile,
    annotate: values.annotate,
    force: Boolean(values.force),
    lang,
    year,
    catalogues: values.catalogue ?? [],
    catalogueYear: catalogueYear === undefined ? undefined : Number(catalogueYear),
    help: Boolean(values.help),
  };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function runCheck(argv: string[], overrides: Partial<CheckDeps> = {}): Promise<number> {
  const deps: CheckDeps = { ...defaultDeps(), ...overrides };
  const fail = (zh: string, en: string): number => {
    deps.stderr(`${oneLine(`${zh} / ${en}`)}\n`);
    return EXIT_CANNOT_READ;
  };

  let args: ParsedArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    const zh = e instanceof UsageError ? e.zh : String(e);
    const en = e instanceof UsageError ? e.en : String(e);
    return fail(`用法错误：${zh}（运行 --help 查看用法）`, `Usage error: ${en} (run with --help for usage)`);
  }
  if (args.help) {
    deps.stdout(USAGE);
    return EXIT_OK;
  }

  if (isBatch(args.files, args.batch, deps.cwd)) {
    // Read once here; the pool's workers get the parsed lists (merge reads none: it refuses --catalogue).
    const imported = args.files[0] === "merge" ? [] : await readImportedLists(args, deps);
    if (typeof imported === "number") return imported;
    return runBatchCommand(
      args.files,
      args.batch,
      { format: args.format, lang: args.lang, year: args.year, profile: args.profile, annotate: args.annotate, catalogues: args.catalogues, imported },
      deps,
    );
  }

  const input = args.file !== undefined ? path.resolve(deps.cwd, args.file) : deps.samplePath;
  const shownName = args.file ?? displayPath(deps.samplePath, deps.cwd);
  if (args.annotate !== undefined) {
    const out = path.resolve(deps.cwd, args.annotate);
    // Even with --force: the input is never written.
    if (isSameFile(input, out))
      return fail(
        `--annotate 的输出文件不能是被检查的文件本身：${args.annotate}`,
        `--annotate must not overwrite the checked file: ${args.annotate}`,
      );
    const problem = deps.annotateOutputProblem(out, args.force);
    if (problem) return fail(`--annotate：${problem.zh}`, `--annotate: ${problem.en}`);
  }

  let grid: GridWorkbook;
  try {
    grid = await deps.readWorkbook(input);
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      deps.stderr(`${oneLine(e.message)}\n`);
      if (deps.debug && e.detail) deps.stderr(`${e.detail}\n`);
      return EXIT_CANNOT_READ;
    }
    return unexpected(deps, e, "读取文件时出错", "Error while reading the file");
  }
  const imported = await readImportedLists(args, deps);
  if (typeof imported === "number") return imported;
  const catalogue = imported.length > 0 ? getCatalogueSync(imported) : undefined;
  let result: CheckResult;
  try {
    result = deps.check(grid, {
      ...(args.year !== undefined ? { year: args.year } : {}),
      ...(args.profile ? { profile: args.profile } : {}),
      ...(catalogue ? { catalogue } : {}),
    });
  } catch (e) {
    return unexpected(deps, e, "检查时发生内部错误", "Internal error while checking");
  }

  deps.stdout(
    args.format === "json"
      ? formatJsonReport(shownName, result)
      : args.format === "csv"
        ? findingsToCsv(result.findings)
        : formatTextReport(shownName, result, { lang: args.lang }),
  );

  if (args.annotate !== undefined) {
    const out = path.resolve(deps.cwd, args.annotate);
    try {
      const s = await deps.annotate(input, out, result.findings, args.lang, args.force);
      // stdout carries only the report in json mode.
      const note = say(
        args.lang,
        `已写入标注副本 ${args.annotate}：标记 ${s.marked} 个单元格，批注 ${s.noted} 个`,
        `Annotated copy written to ${args.annotate}: ${s.marked} cells marked, ${s.noted} notes`,
      );
      (args.format === "json" ? deps.stderr : deps.stdout)(`${args.format === "json" ? note : `\n${note}`}\n`);
      if (s.skipped.length > 0)
        deps.stderr(
          `${say(args.lang, `有 ${s.skipped.length} 个单元格不在工作簿中，未标注`, `${s.skipped.length} finding cells are not in the workbook and were not marked`)}\n`,
        );
      const threaded = s.unnoted.filter((u) => u.reason === "threaded-comment").length;
      const damaged = s.unnoted.length - threaded;
      if (threaded > 0)
        deps.stderr(
          `${say(args.lang, `有 ${threaded} 个单元格带有会话批注，只填色、未加批注`, `${threaded} marked cells hold a threaded comment: filled, no note added`)}\n`,
        );
      if (s.staleNotes > 0)
        deps.stderr(
          `${say(args.lang, `有 ${s.staleNotes} 个单元格仍带着上次检查的批注和填色，但这次检查没有发现问题；要得到干净的副本，请对原始工作簿标注`, `${s.staleNotes} cells keep the notes and fills of an earlier check though nothing is wrong there now: annotate the original workbook for a clean copy`)}\n`,
        );
      if (damaged > 0)
        deps.stderr(
          `${say(args.lang, `有 ${damaged} 个单元格所在表的批注图形部件缺失，只填色、未加批注`, `${damaged} marked cells are on a sheet whose note drawing is missing: filled, no note added`)}\n`,
        );
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      // AnnotateError's Chinese reason, where it has one (not imported: the patching code loads only when asked).
      const zh = (e as { zh?: unknown }).zh;
      return fail(
        `无法写入标注副本 ${args.annotate}：${typeof zh === "string" ? zh : msg}`,
        `Cannot write the annotated copy ${args.annotate}: ${msg}`,
      );
    }
  }

  return result.findings.some((f) => f.severity === "error") ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/** The --catalogue lists (read every run: nothing is kept between runs), or the exit code when one cannot be used. */
async function readImportedLists(args: ParsedArgs, deps: CheckDeps): Promise<ImportedList[] | number> {
  if (args.catalogues.length === 0) return [];
  try {
    return await readCodeLists(args.catalogues, args.catalogueYear, deps.cwd);
  } catch (e) {
    if (!(e instanceof CodeListFileError)) return unexpected(deps, e, "读取科目表时出错", "Error while reading the code list");
    deps.stderr(`${oneLine(e.message)}\n`);
    return EXIT_CANNOT_READ;
  }
}

function unexpected(deps: CheckDeps, e: unknown, zh: string, en: string): number {
  const msg = firstLine(e instanceof Error ? e.message : String(e));
  deps.stderr(`${oneLine(`${zh}：${msg} / ${en}: ${msg}`)}\n`);
  if (deps.debug && e instanceof Error && e.stack) deps.stderr(`${e.stack}\n`);
  return EXIT_CANNOT_READ;
}

/** True when both paths name one file (same path, or the same inode through links or case-insensitive names). */
export function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

function firstLine(s: string): string {
  return s.split("\n")[0].trim();
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}
