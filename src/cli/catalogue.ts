/**
 * `budget-check catalogue lookup CODE [--year Y] [--format json|text]` (also `npm run catalogue -- lookup …`)
 * `budget-check catalogue search TEXT [--year Y] [--limit N] [--format json|text]`
 * `--help` / `-h` anywhere: the usage of the subcommand named, else of both.
 * Exit codes: 0 found (and --help), 1 unknown code (lookup), 2 bad usage.
 */
import type { CatalogueEntry } from "../core/catalogue";
import { getCatalogueSync } from "../core/catalogue/sync";

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

export function runCatalogueCli(argv: string[]): CliResult {
  const args = parseArgs(argv);
  if (typeof args === "string") return { code: EXIT_USAGE, stdout: "", stderr: `${args}\n${usage()}\n` };
  if ("help" in args) return { code: EXIT_OK, stdout: `${usage(args.help)}\n`, stderr: "" };
  const catalogue = getCatalogueSync();
  // Default: the latest year the data covers (deterministic, unlike the calendar year).
  const year = args.year ?? catalogue.years[catalogue.years.length - 1];
  if (args.command === "lookup") {
    const code = args.term.trim();
    const entry = catalogue.lookup(code, year);
    if (!entry) {
      const years = catalogue.yearsOf(code);
      const note =
        years.length > 0
          ? ` (exists in ${years.join(", ")})`
          : catalogue.isCovered(code, year)
            ? ""
            : " (outside the part the built-in list covers: not known either way / 超出内置科目表覆盖范围)";
      const dataYear = catalogue.resolveYear(year);
      return {
        code: EXIT_NOT_FOUND,
        stdout: "",
        stderr: `科目编码 ${code} 不在${dataYear}年科目中 / code ${code} is not in the ${dataYear} catalogue${note}\n`,
      };
    }
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
  return { code: EXIT_OK, stdout: `${stdout}\n`, stderr: "" };
}
