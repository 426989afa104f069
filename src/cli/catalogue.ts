/**
 * `budget-check catalogue lookup CODE [--year Y] [--format json|text] [--catalogue FILE [--catalogue-year Y]]`
 * `budget-check catalogue search TEXT [--year Y] [--limit N] [--format json|text] [--catalogue FILE …]`
 * (also `npm run catalogue -- …`). `--help` / `-h` anywhere: the usage of the subcommand named, else of both.
 * Exit codes: 0 found (and --help), 1 unknown code (lookup), 2 bad usage or an unreadable --catalogue file.
 */
import type { Catalogue, CatalogueEntry, ImportedList } from "../core/catalogue";
import type { InitialsOf } from "../core/catalogue/search";
import { getCatalogueSync } from "../core/catalogue/sync";
import { CodeListFileError, readCodeLists } from "./code-list-file";

export const EXIT_OK = 0;
export const EXIT_NOT_FOUND = 1;
export const EXIT_USAGE = 2;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const COMMAND_USAGE = {
  lookup: [
    "  budget-check catalogue lookup CODE [--year YYYY] [--format json|text]",
    "      按编码查科目（类/款/项及上级）/ look a code up (its level and the codes above it)",
  ],
  search: [
    "  budget-check catalogue search TEXT [--year YYYY] [--limit N] [--format json|text]",
    "      按名称、编码或拼音首字母搜索 / search by name, code or pinyin initials",
  ],
} as const;

const OPTIONS_USAGE = [
  "选项 / Options:",
  "  --year YYYY           科目年度（默认为内置科目表的最新年度）/ catalogue year (default: the latest it covers)",
  "  --format json|text    输出格式（默认 text）/ output format (default: text)",
  "  --limit N             search 最多显示 N 条 / at most N search results",
  "  --catalogue FILE      导入官方科目表（.xlsx/.csv，可重复）/ import the official code list (.xlsx/.csv, repeatable)",
  "  --catalogue-year YYYY 该科目表的年度（默认适用于任何年度）/ the list's year (default: any year)",
  "  -h, --help            显示本帮助 / show this help",
  "退出码 / Exit codes: 0 找到 / found; 1 编码不存在 / unknown code (lookup); 2 用法错误 / bad usage",
];

function usage(command?: Command): string {
  const commands = command ? [COMMAND_USAGE[command]] : [COMMAND_USAGE.lookup, COMMAND_USAGE.search];
  return ["用法 / Usage:", ...commands.flat(), "", ...OPTIONS_USAGE].join("\n");
}

type Command = keyof typeof COMMAND_USAGE;

interface Args {
  command: Command;
  term: string;
  year?: number;
  format: "json" | "text";
  limit?: number;
}

/** `--help` asked for, with the subcommand it was asked about (if any). */
interface HelpRequest {
  help: Command | undefined;
}

const isCommand = (s: string | undefined): s is Command => s === "lookup" || s === "search";

function parseArgs(argv: string[]): Args | HelpRequest | string {
  if (argv.some((a) => a === "--help" || a === "-h")) return { help: argv.find(isCommand) };
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (!["year", "format", "limit"].includes(key)) return `unknown option --${key}`;
    if (value === undefined) return `--${key} needs a value`;
    options.set(key, value);
  }
  const [command, term, ...rest] = positional;
  if (!isCommand(command)) return "expected a command: lookup or search";
  if (term === undefined || term.trim() === "" || rest.length > 0) return `${command} takes exactly one argument`;
  const format = options.get("format") ?? "text";
  if (format !== "json" && format !== "text") return "--format must be json or text";
  const args: Args = { command, term, format };
  const year = options.get("year");
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) return "--year must be a four-digit year";
    args.year = Number(year);
  }
  const limit = options.get("limit");
  if (limit !== undefined) {
    if (!/^[1-9]\d*$/.test(limit)) return "--limit must be a positive integer";
    args.limit = Number(limit);
  }
  return args;
}

/** The JSON shape promised by the issue: no classification field. */
function publicEntry(e: CatalogueEntry): Pick<CatalogueEntry, "code" | "name" | "level" | "path" | "year"> {
  return { code: e.code, name: e.name, level: e.level, path: e.path, year: e.year };
}

function textEntry(e: CatalogueEntry): string {
  const trail = e.path.map((p) => `${p.code} ${p.name}`).join(" > ");
  return `${e.code}\t${e.name}\t${e.level}\t${e.year}\t${trail}`;
}

/** `imported`: lists read from --catalogue files, `initialsOf` their names' pinyin (see runCatalogueCliWithFiles). */
export function runCatalogueCli(argv: string[], imported: readonly ImportedList[] = [], initialsOf?: InitialsOf): CliResult {
  const args = parseArgs(argv);
  if (typeof args === "string") return { code: EXIT_USAGE, stdout: "", stderr: `${args}\n${usage()}\n` };
  if ("help" in args) return { code: EXIT_OK, stdout: `${usage(args.help)}\n`, stderr: "" };
  const catalogue = getCatalogueSync(imported, initialsOf);
  // Default: the latest year the data covers (deterministic, unlike the calendar year).
  const year = args.year ?? catalogue.years[catalogue.years.length - 1];
  if (args.command === "lookup") {
    const code = args.term.trim();
    const entry = catalogue.lookup(code, year);
    if (!entry) return { code: EXIT_NOT_FOUND, stdout: "", stderr: `${notFound(catalogue, code, year)}\n` };
    const stdout = args.format === "json" ? JSON.stringify(publicEntry(entry), null, 2) : textEntry(entry);
    return { code: EXIT_OK, stdout: `${stdout}\n`, stderr: "" };
  }
  const results = catalogue.search(args.term, year, { limit: args.limit });
  const stdout =
    args.format === "json"
      ? JSON.stringify(results.map(publicEntry), null, 2)
      : results.length > 0
        ? results.map(textEntry).join("\n")
        : "无结果 / no results";
  // stdout stays the results alone (JSON parses); the note on coverage goes to stderr.
  return { code: EXIT_OK, stdout: `${stdout}\n`, stderr: catalogue.hasImport(year) ? "" : `${LIMITED_NOTE}\n` };
}

const LIMITED_NOTE =
  "提示：内置科目表只收录了部分科目，结果可能不全；可用 --catalogue FILE 导入本年度科目表 / " +
  "Note: the built-in list holds only part of the classification, so results may be incomplete; import the year's list with --catalogue FILE";

/** Why a code was not found: another year, not in the imported list, not in a complete list, or not known either way. */
function notFound(catalogue: Catalogue, code: string, year: number): string {
  const dataYear = catalogue.resolveYear(year);
  const years = catalogue.yearsOf(code);
  const list = catalogue.importedListFor(code, year);
  if (list !== undefined)
    return `科目编码 ${code} 不在导入的科目表 ${list}（${dataYear}年）中 / code ${code} is not in the imported list ${list} (${dataYear})`;
  if (years.length > 0)
    return `科目编码 ${code} 不在${dataYear}年科目中（${years.join("、")}年有效）/ code ${code} is not in the ${dataYear} catalogue (exists in ${years.join(", ")})`;
  if (catalogue.isCovered(code, year))
    return `科目编码 ${code} 不在${dataYear}年科目中 / code ${code} is not in the ${dataYear} catalogue`;
  // Outside the verified subset: saying "not in the catalogue" would call a real code wrong.
  return (
    `科目编码 ${code} 超出内置科目表的覆盖范围，无法判断是否存在；可用 --catalogue FILE 导入本年度科目表 / ` +
    `code ${code} is outside the part the built-in list covers: not known either way; import the year's list with --catalogue FILE`
  );
}

/** Takes --catalogue FILE (repeatable) and --catalogue-year YYYY out of argv; the rest is for runCatalogueCli. */
export function splitCatalogueOptions(argv: readonly string[]): { files: string[]; year?: number; rest: string[] } | string {
  const files: string[] = [];
  const rest: string[] = [];
  let year: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(catalogue|catalogue-year)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      rest.push(argv[i]);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") return `--${m[1]} needs a value`;
    if (m[1] === "catalogue") files.push(value);
    else if (!/^\d{4}$/.test(value)) return "--catalogue-year must be a four-digit year";
    else year = Number(value);
  }
  if (year !== undefined && files.length === 0) return "--catalogue-year needs --catalogue FILE";
  return { files, ...(year !== undefined ? { year } : {}), rest };
}

/** The CLI as the process runs it: reads the --catalogue files, then answers. */
export async function runCatalogueCliWithFiles(argv: string[], cwd = process.cwd()): Promise<CliResult> {
  // Help needs no file read (and must work whatever else is on the line).
  if (argv.some((a) => a === "--help" || a === "-h")) return runCatalogueCli(argv);
  const split = splitCatalogueOptions(argv);
  if (typeof split === "string") return { code: EXIT_USAGE, stdout: "", stderr: `${split}\n${usage()}\n` };
  let imported: ImportedList[];
  try {
    imported = await readCodeLists(split.files, split.year, cwd);
  } catch (e) {
    if (e instanceof CodeListFileError) return { code: EXIT_USAGE, stdout: "", stderr: `${e.message}\n` };
    throw e;
  }
  // pinyin-pro is large and only imported names need it (the built-in ones carry their initials): loaded only then.
  const initialsOf = imported.length > 0 ? (await import("../core/catalogue/initials")).initials : undefined;
  return runCatalogueCli(split.rest, imported, initialsOf);
}
