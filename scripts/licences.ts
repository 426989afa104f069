/**
 * Lists the licences of everything shipped at run time (the production dependency tree) in THIRD_PARTY_LICENSES.md.
 *
 *   npx tsx scripts/licences.ts            writes THIRD_PARTY_LICENSES.md
 *   npx tsx scripts/licences.ts --check    exits 1 when the file is out of date (or a licence is unknown)
 *
 * The tree comes from `npm ls --omit=dev --all` (what `npm install --omit=dev` would install); each package's
 * licence, author and repository are read from its node_modules/…/package.json. Deterministic: sorted, no dates.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
export const OUTPUT = path.join(ROOT, "THIRD_PARTY_LICENSES.md");

interface LsNode {
  version?: string;
  dependencies?: Record<string, LsNode>;
}

export interface PackageLicence {
  name: string;
  version: string;
  licence: string;
  repository: string;
  author: string;
  /** Direct dependencies of the project that pull this package in. */
  via: string[];
  hasLicenceFile: boolean;
}

function npmLs(args: string[]): string {
  // npm ls exits 1 on problems such as extraneous packages but still prints the tree.
  try {
    return execFileSync("npm", ["ls", "--omit=dev", "--all", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return out;
    throw e;
  }
}

/** name@version → the direct dependencies it is reached through. */
function productionTree(): Map<string, Set<string>> {
  const tree = JSON.parse(npmLs(["--json"])) as LsNode;
  const out = new Map<string, Set<string>>();
  const walk = (deps: Record<string, LsNode> | undefined, root: string | null) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (!node.version) continue;
      const key = `${name}@${node.version}`;
      const top = root ?? name;
      const seen = out.get(key);
      if (seen?.has(top)) continue;
      (seen ?? out.set(key, new Set()).get(key)!).add(top);
      walk(node.dependencies, top);
    }
  };
  walk(tree.dependencies, null);
  return out;
}

function licenceOf(pkg: Record<string, unknown>): string {
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === "string") return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === "string" ? x : (x as { type?: string }).type ?? "?")).join(" OR ");
  if (l && typeof l === "object" && typeof (l as { type?: unknown }).type === "string") return (l as { type: string }).type;
  return "UNKNOWN";
}

function repositoryOf(pkg: Record<string, unknown>): string {
  const r = pkg.repository;
  let url = typeof r === "string" ? r : r && typeof r === "object" ? String((r as { url?: unknown }).url ?? "") : "";
  if (!url && typeof pkg.homepage === "string") url = pkg.homepage;
  url = url.replace(/^git\+/, "").replace(/\.git$/, "").replace(/^git:\/\//, "https://").replace(/^git@github\.com:/, "https://github.com/");
  if (/^[\w.-]+\/[\w.-]+$/.test(url)) url = `https://github.com/${url}`;
  if (/^github:/.test(url)) url = `https://github.com/${url.slice(7)}`;
  return url;
}

function authorOf(pkg: Record<string, unknown>): string {
  const a = pkg.author;
  if (typeof a === "string") return a.replace(/\s*[<(].*$/, "").trim();
  if (a && typeof a === "object" && typeof (a as { name?: unknown }).name === "string") return (a as { name: string }).name;
  return "";
}

export function collectLicences(): PackageLicence[] {
  const wanted = productionTree();
  const byKey = new Map<string, PackageLicence>();
  for (const dir of npmLs(["--parseable"]).split("\n").map((l) => l.trim()).filter(Boolean)) {
    if (path.resolve(dir) === ROOT) continue;
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    const key = `${String(pkg.name)}@${String(pkg.version)}`;
    const via = wanted.get(key);
    if (!via || byKey.has(key)) continue;
    byKey.set(key, {
      name: String(pkg.name),
      version: String(pkg.version),
      licence: licenceOf(pkg),
      repository: repositoryOf(pkg),
      author: authorOf(pkg),
      via: [...via].sort(),
      hasLicenceFile: fs.readdirSync(dir).some((f) => /^(licen[cs]e|copying)/i.test(f)),
    });
  }
  const missing = [...wanted.keys()].filter((k) => !byKey.has(k));
  if (missing.length) throw new Error(`No package.json found for ${missing.join(", ")}`);
  return [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/**
 * Packages that declare no licence at all, looked at by hand. They stay listed as UNKNOWN (with this note) rather
 * than being given a licence they do not state; a new unknown one fails the script until it is reviewed here.
 */
export const REVIEWED_UNKNOWN: Record<string, string> = {
  "buffers@0.1.1":
    "no licence field, file or README section (substack/node-buffers); reached through exceljs → unzipper → binary (the zip reader exceljs uses to open .xlsx files). Needs a decision before a commercial release: replace exceljs' unzipper path or get the author's grant.",
};

export function licencesMarkdown(list: PackageLicence[], direct: string[]): string {
  const counts = new Map<string, number>();
  for (const p of list) counts.set(p.licence, (counts.get(p.licence) ?? 0) + 1);
  const lines = [
    "# Third-party licences",
    "",
    "Packages shipped at run time: the production dependency tree (`npm ls --omit=dev --all`) of the CLI and the task",
    "pane bundle. Development tools (jest, webpack, ESLint, TypeScript, Office tooling) are not shipped and not listed.",
    "Generated by `npx tsx scripts/licences.ts` from each package's `package.json`; do not edit by hand.",
    "",
    `Direct dependencies: ${direct.map((d) => `\`${d}\``).join(", ")}. ${list.length} packages in all.`,
    "",
    "| licence | packages |",
    "|---|---|",
    ...[...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l, n]) => `| ${cell(l)} | ${n} |`),
    "",
    ...(list.some((p) => REVIEWED_UNKNOWN[`${p.name}@${p.version}`])
      ? [
          "Packages that declare no licence:",
          "",
          ...list
            .filter((p) => REVIEWED_UNKNOWN[`${p.name}@${p.version}`])
            .map((p) => `- \`${p.name}@${p.version}\`: ${REVIEWED_UNKNOWN[`${p.name}@${p.version}`]}`),
          "",
        ]
      : []),
    "| package | version | licence | licence file | via | author | source |",
    "|---|---|---|---|---|---|---|",
    ...list.map(
      (p) =>
        `| ${cell(p.name)} | ${p.version} | ${cell(p.licence)} | ${p.hasLicenceFile ? "yes" : "no"} | ${p.via.map(cell).join(", ")} | ${cell(p.author)} | ${cell(p.repository)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

function main(): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const direct = Object.keys(pkg.dependencies ?? {}).sort();
  const list = collectLicences();
  const text = licencesMarkdown(list, direct);
  const unknown = list.filter((p) => p.licence === "UNKNOWN" && !REVIEWED_UNKNOWN[`${p.name}@${p.version}`]);
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, "utf8") : "";
    if (current !== text) {
      process.stderr.write("THIRD_PARTY_LICENSES.md is out of date: run npx tsx scripts/licences.ts\n");
      process.exitCode = 1;
    }
  } else {
    fs.writeFileSync(OUTPUT, text);
    process.stdout.write(`${path.relative(ROOT, OUTPUT)}: ${list.length} packages\n`);
  }
  if (unknown.length) {
    process.stderr.write(`Unknown licence (review it, then list it in REVIEWED_UNKNOWN): ${unknown.map((p) => `${p.name}@${p.version}`).join(", ")}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
