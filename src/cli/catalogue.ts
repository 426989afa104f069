/**
 * `npm run catalogue -- lookup CODE [--year Y] [--format json|text]`
 * `npm run catalogue -- search TEXT [--year Y] [--limit N] [--format json|text]`
 * Exit codes: 0 found, 1 unknown code (lookup), 2 bad usage.
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

const USAGE = [
  "用法 / Usage:",
  "  catalogue lookup CODE [--year YYYY] [--format json|text]",
  "  catalogue search TEXT [--year YYYY] [--limit N] [--format json|text]",
].join("\n");

interface Args {
  command: "lookup" | "search";
  term: string;
  year?: number;
  format: "json" | "text";
  limit?: number;
}

function parseArgs(argv: string[]): Args | string {
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
  if (command !== "lookup" && command !== "search") return "expected a command: lookup or search";
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
  if (typeof args === "string") return { code: EXIT_USAGE, stdout: "", stderr: `${args}\n${USAGE}\n` };
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

if (require.main === module) {
  const result = runCatalogueCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
