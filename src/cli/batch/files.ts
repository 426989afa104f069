/**
 * The inputs of a batch: files as given, folders walked recursively for workbooks: .xlsx and its macro-enabled and
 * template kinds (.xlsm, .xltx, .xltm), which the reader reads alike, and the spreadsheet formats it cannot read
 * (.xls, .xlsb, .ods), so that a unit's submission in one of those is reported as unreadable with the reason
 * rather than left out without a word. Excel's lock files (~$name.xlsx) and hidden files and folders (.name) are
 * skipped. The list is sorted by the path the report shows, compared by
 * UTF-16 code units (not the locale), so every machine and every shard sees the same order.
 */
import fs from "node:fs";
import path from "node:path";

export interface InputFile {
  /** Absolute path, for reading. */
  path: string;
  /** As the report names it: relative to the working directory where inside it, with "/" separators. */
  file: string;
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join("/");
}

/** What a folder is searched for (see above). */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods)$/i;

function skipped(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$");
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const p = path.join(dir, e.name);
    // Links are followed to files only: a link to a folder could loop.
    const isFile = e.isFile() || (e.isSymbolicLink() && fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true);
    if (e.isDirectory()) walk(p, out);
    else if (isFile && SPREADSHEET.test(e.name)) out.push(p);
  }
}

/** Every input, deduplicated and sorted; a path that does not exist is kept (it is reported as unreadable). */
export function collectInputs(args: readonly string[], cwd: string): InputFile[] {
  const paths: string[] = [];
  for (const a of args) {
    const p = path.resolve(cwd, a);
    if (isDirectory(p)) walk(p, paths);
    else paths.push(p);
  }
  const seen = new Map<string, InputFile>();
  for (const p of paths) if (!seen.has(p)) seen.set(p, { path: p, file: displayPath(p, cwd) });
  return [...seen.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Folders given that held no workbook (to say so rather than print an empty report). */
export function emptyFolders(args: readonly string[], cwd: string): string[] {
  return args.filter((a) => {
    const p = path.resolve(cwd, a);
    if (!isDirectory(p)) return false;
    const found: string[] = [];
    walk(p, found);
    return found.length === 0;
  });
}
