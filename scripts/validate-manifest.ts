/**
 * `npm run validate [-- manifest.xml] [--production] [--online]`: validates the add-in manifest without depending on
 * the network. A manifest under dist/ (or --production) is one to deploy: local hosts are refused there too.
 *
 *  1. Our own offline checks (always): well-formed XML, Excel-only TaskPaneApp, Requirements = the adapter's minimum
 *     ExcelApi, Permissions, zh-CN overrides, every resid resolves to a resource of the right kind, resource limits,
 *     every icon exists in assets/ at the pixel size its use demands, every ExecuteFunction is associated in
 *     src/commands. The XSDs check none of the cross-references, which are what break sideloading.
 *  2. XSD validation with xmllint, when xmllint is installed (scripts/manifest-schemas/README.md).
 *  3. With --online only: Microsoft's validation service via `office-addin-manifest validate`; an unreachable
 *     service is a warning, because that CLI has no offline path for XML manifests.
 *
 * Exit code 1 when any step reports an error; warnings alone exit 0.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { MINIMUM_REQUIREMENT_SET } from "../src/excel/capabilities";
import { placeholderHostReason } from "./addin-base-url.cjs";

export interface Issue {
  level: "error" | "warning";
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------
// A minimal, namespace-aware XML reader: enough to prove well-formedness and walk the manifest, no dependency.

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  local: string;
  /** Namespace URI resolved from the in-scope xmlns declarations. */
  ns: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "XmlError";
  }
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`bare "&" (write &amp;)`, line);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? /^#([0-9]+)$/.exec(ref);
    if (num) return String.fromCodePoint(parseInt(num[1], ref[1] === "x" ? 16 : 10));
    throw new XmlError(`unknown entity &${ref};`, line);
  });
}

export function parseXml(text: string): XmlElement {
  const src = text.replace(/^\uFEFF/, "");
  let i = 0;
  const lineAt = (pos: number) => src.slice(0, pos).split("\n").length;
  const stack: { el: XmlElement; scope: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  const expectEnd = (token: string, what: string) => {
    const end = src.indexOf(token, i);
    if (end < 0) throw new XmlError(`unterminated ${what}`, lineAt(i));
    return end;
  };

  while (i < src.length) {
    if (src.startsWith("<!--", i)) {
      i = expectEnd("-->", "comment") + 3;
    } else if (src.startsWith("<?", i)) {
      if (src.startsWith("<?xml ", i) && i !== 0) throw new XmlError("XML declaration not at the start", lineAt(i));
      i = expectEnd("?>", "processing instruction") + 2;
    } else if (src.startsWith("<![CDATA[", i)) {
      if (stack.length === 0) throw new XmlError("CDATA outside the root element", lineAt(i));
      const end = expectEnd("]]>", "CDATA section");
      stack[stack.length - 1].el.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith("<!", i)) {
      throw new XmlError("DOCTYPE and other declarations are not allowed in a manifest", lineAt(i));
    } else if (src.startsWith("</", i)) {
      const m = NAME.exec(src.slice(i + 2));
      const top = stack.pop();
      if (!m || !top) throw new XmlError("unexpected end tag", lineAt(i));
      if (m[0] !== top.el.name)
        throw new XmlError(`end tag </${m[0]}> does not match <${top.el.name}> of line ${top.el.line}`, lineAt(i));
      i += 2 + m[0].length;
      const close = /^\s*>/.exec(src.slice(i));
      if (!close) throw new XmlError(`malformed end tag </${m[0]}>`, lineAt(i));
      i += close[0].length;
    } else if (src[i] === "<") {
      i = readStartTag(i);
    } else {
      const next = src.indexOf("<", i);
      const raw = src.slice(i, next < 0 ? src.length : next);
      if (stack.length === 0) {
        if (raw.trim() !== "") throw new XmlError("text outside the root element", lineAt(i));
      } else stack[stack.length - 1].el.text += decodeEntities(raw, lineAt(i));
      i = next < 0 ? src.length : next;
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1].el;
    throw new XmlError(`<${open.name}> of line ${open.line} is never closed`, lineAt(src.length));
  }
  if (!root) throw new XmlError("no root element", 1);
  return root;

  function readStartTag(start: number): number {
    const line = lineAt(start);
    const m = NAME.exec(src.slice(start + 1));
    if (!m) throw new XmlError("malformed start tag", line);
    let p = start + 1 + m[0].length;
    const attrs = new Map<string, string>();
    for (;;) {
      const ws = /^\s*/.exec(src.slice(p))![0];
      p += ws.length;
      if (src.startsWith("/>", p) || src[p] === ">") break;
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*(["'])/.exec(src.slice(p));
      if (!a || ws === "") throw new XmlError(`malformed attribute in <${m[0]}>`, lineAt(p));
      const valueStart = p + a[0].length;
      const valueEnd = src.indexOf(a[2], valueStart);
      if (valueEnd < 0) throw new XmlError(`unterminated attribute value in <${m[0]}>`, lineAt(p));
      const value = src.slice(valueStart, valueEnd);
      if (value.includes("<")) throw new XmlError(`"<" in attribute ${a[1]}`, lineAt(p));
      if (attrs.has(a[1])) throw new XmlError(`duplicate attribute ${a[1]} in <${m[0]}>`, lineAt(p));
      attrs.set(a[1], decodeEntities(value, lineAt(p)));
      p = valueEnd + 1;
    }
    const parentScope = stack.length > 0 ? stack[stack.length - 1].scope : new Map<string, string>();
    const scope = new Map(parentScope);
    for (const [k, v] of attrs) {
      if (k === "xmlns") scope.set("", v);
      else if (k.startsWith("xmlns:")) scope.set(k.slice(6), v);
    }
    const [prefix, local] = m[0].includes(":") ? m[0].split(":") : ["", m[0]];
    const ns = scope.get(prefix);
    if (ns === undefined && prefix !== "") throw new XmlError(`undeclared namespace prefix "${prefix}"`, line);
    const el: XmlElement = { name: m[0], local, ns: ns ?? "", attrs, children: [], text: "", line };
    if (stack.length > 0) stack[stack.length - 1].el.children.push(el);
    else if (root) throw new XmlError("more than one root element", line);
    else root = el;
    if (src.startsWith("/>", p)) return p + 2;
    stack.push({ el, scope });
    return p + 1;
  }
}

function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}

const child = (el: XmlElement | undefined, local: string) => el?.children.find((c) => c.local === local);
const childrenNamed = (el: XmlElement | undefined, local: string) =>
  el?.children.filter((c) => c.local === local) ?? [];

// ---------------------------------------------------------------------------------------------------------------
// Offline checks.

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI_TYPE = "xsi:type";
const LOCALE = "zh-CN";
/** Documented limits: resource id ≤ 32 characters, ShortStrings ≤ 125, LongStrings ≤ 250. */
const MAX_RESID = 32;
const MAX_LENGTH: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

/** Which resource collection a resid must come from, by the referring element. */
const RESOURCE_KIND: Record<string, string> = {
  Image: "Images",
  FunctionFile: "Urls",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

export interface CheckOptions {
  /** Project root: icon URLs resolve to <root>/assets/…, commands to <root>/src/commands. */
  root: string;
  /** The adapter's minimum ExcelApi version (defaults to MINIMUM_REQUIREMENT_SET). */
  minimumExcelApi?: string;
  /**
   * A manifest to deploy (dist/manifest.xml, or --production): local hosts are errors too. Placeholder hosts
   * (contoso.com, example.com …) are errors in any manifest.
   */
  production?: boolean;
}

export function checkManifest(xml: string, options: CheckOptions): Issue[] {
  const issues: Issue[] = [];
  const error = (message: string) => issues.push({ level: "error", message });
  const warn = (message: string) => issues.push({ level: "warning", message });

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [{ level: "error", message: `not well-formed XML: ${(e as Error).message}` }];
  }
  if (root.local !== "OfficeApp" || root.ns !== NS_APP)
    return [{ level: "error", message: `root element must be OfficeApp in ${NS_APP}` }];
  if (root.attrs.get(XSI_TYPE) !== "TaskPaneApp") error(`OfficeApp ${XSI_TYPE} must be "TaskPaneApp"`);

  // Identity and listing.
  const id = child(root, "Id")?.text.trim() ?? "";
  if (!/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/.test(id)) error(`<Id> must be a GUID (found "${id}")`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(child(root, "Version")?.text.trim() ?? "")) error("<Version> must be n.n.n.n");
  if (!child(root, "ProviderName")?.text.trim()) error("<ProviderName> is missing or empty");
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (!el?.attrs.get("DefaultValue")) error(`<${name} DefaultValue> is missing`);
    else if (!childrenNamed(el, "Override").some((o) => o.attrs.get("Locale") === LOCALE && o.attrs.get("Value")))
      error(`<${name}> has no <Override Locale="${LOCALE}">`);
  }

  // Excel only, with the adapter's minimum requirement set.
  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.get("Name"));
  if (hosts.length !== 1 || hosts[0] !== "Workbook")
    error(`<Hosts> must list exactly Workbook (found ${hosts.join(", ") || "none"})`);
  checkRequirements(child(root, "Requirements"), options.minimumExcelApi ?? MINIMUM_REQUIREMENT_SET.version);
  const permissions = child(root, "Permissions")?.text.trim();
  if (!permissions) error("<Permissions> is missing");
  else if (!PERMISSIONS.includes(permissions)) error(`<Permissions> "${permissions}" is not a permission level`);
  const sourceLocation = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.get("DefaultValue");
  if (!sourceLocation) error("<DefaultSettings><SourceLocation> is missing");
  // The folder the pane is served from (the build writes ADDIN_BASE_URL, which may have a path, before every file).
  let base = "/";
  try {
    if (sourceLocation) base = new URL(".", sourceLocation).pathname;
  } catch {
    error(`<DefaultSettings><SourceLocation> ${sourceLocation} is not a URL`);
  }

  // Resources and every reference to them.
  const overrides = child(root, "VersionOverrides");
  const resources = child(overrides, "Resources");
  const byId = new Map<string, { kind: string; el: XmlElement }>();
  for (const collection of resources?.children ?? []) {
    for (const res of collection.children) {
      const rid = res.attrs.get("id") ?? "";
      if (byId.has(rid)) error(`resource id "${rid}" is defined twice`);
      if (rid.length > MAX_RESID) error(`resource id "${rid}" is longer than ${MAX_RESID} characters`);
      byId.set(rid, { kind: collection.local, el: res });
      checkResource(collection.local, rid, res);
    }
  }
  const used = new Set<string>();
  for (const el of overrides ? descendants(overrides) : []) {
    const resid = el.attrs.get("resid");
    if (resid === undefined) continue;
    used.add(resid);
    const res = byId.get(resid);
    const kind = RESOURCE_KIND[el.local];
    if (!res) error(`line ${el.line}: <${el.name} resid="${resid}"> does not resolve: no such id in <Resources>`);
    else if (kind && res.kind !== kind)
      error(`line ${el.line}: <${el.name} resid="${resid}"> must name a bt:${kind} entry, not bt:${res.kind}`);
  }
  for (const rid of byId.keys()) if (!used.has(rid)) warn(`resource "${rid}" is never referenced`);

  // Controls and commands.
  const controlIds = [...(overrides ? descendants(overrides) : [])]
    .filter((e) => ["Group", "Control", "Item"].includes(e.local))
    .map((e) => e.attrs.get("id") ?? "");
  for (const cid of new Set(controlIds))
    if (controlIds.filter((c) => c === cid).length > 1) error(`control id "${cid}" is used twice`);
  checkFunctions(overrides);

  // Icons: exist in assets/, are PNGs, and have the size their use demands.
  const expected = new Map<string, Set<number>>();
  const expect = (url: string | undefined, size: number, where: string) => {
    if (!url) return error(`${where} has no URL`);
    if (!expected.has(url)) expected.set(url, new Set());
    expected.get(url)!.add(size);
  };
  expect(child(root, "IconUrl")?.attrs.get("DefaultValue"), 32, "<IconUrl>");
  expect(child(root, "HighResolutionIconUrl")?.attrs.get("DefaultValue"), 64, "<HighResolutionIconUrl>");
  for (const el of overrides ? descendants(overrides) : []) {
    if (el.local !== "Image" || el.ns !== NS_BT || !el.attrs.has("size")) continue;
    const res = byId.get(el.attrs.get("resid") ?? "");
    if (res?.kind !== "Images") continue;
    const size = Number(el.attrs.get("size"));
    expect(res.el.attrs.get("DefaultValue"), size, `bt:Image "${el.attrs.get("resid")}"`);
    for (const o of childrenNamed(res.el, "Override"))
      expect(o.attrs.get("Value"), size, `override of ${el.attrs.get("resid")}`);
  }
  for (const [url, sizes] of expected) checkIcon(url, sizes);

  // Office loads add-in pages and icons over HTTPS only, from a host the users' Excel can reach.
  const refused = new Set<string>();
  for (const el of [root, ...descendants(root)]) {
    for (const [attr, value] of el.attrs) {
      if ((attr !== "DefaultValue" && attr !== "Value") || !/^[a-z]+:\/\//i.test(value)) continue;
      if (!value.startsWith("https://")) error(`line ${el.line}: ${value} is not https`);
      let host: string;
      try {
        host = new URL(value).hostname;
      } catch {
        continue; // icons and the pane are reported as "not a URL" where they are used
      }
      const reason = placeholderHostReason(host);
      const local = reason !== null && /this machine/.test(reason);
      if (reason && (options.production || !local) && !refused.has(host)) {
        refused.add(host);
        error(
          `line ${el.line}: ${reason}${options.production ? "; build with ADDIN_BASE_URL set to the real host" : ""}`,
        );
      }
    }
  }
  return issues;

  function checkRequirements(req: XmlElement | undefined, minimum: string): void {
    const excel = childrenNamed(child(req, "Sets"), "Set").find((s) => s.attrs.get("Name") === "ExcelApi");
    if (!excel)
      return void error(`<Requirements><Sets><Set Name="ExcelApi"> is missing (the adapter needs ${minimum})`);
    const declared = excel.attrs.get("MinVersion") ?? child(req, "Sets")?.attrs.get("DefaultMinVersion") ?? "1.1";
    const cmp = compareVersions(declared, minimum);
    if (cmp < 0) error(`ExcelApi MinVersion ${declared} is below the adapter's minimum ${minimum}`);
    if (cmp > 0) warn(`ExcelApi MinVersion ${declared} is above the adapter's minimum ${minimum}: hosts are excluded`);
  }

  function checkResource(kind: string, rid: string, res: XmlElement): void {
    if (!res.attrs.get("DefaultValue")) error(`resource "${rid}" has no DefaultValue`);
    const max = MAX_LENGTH[kind];
    if (!max) return;
    const texts = [
      res.attrs.get("DefaultValue") ?? "",
      ...childrenNamed(res, "Override").map((o) => o.attrs.get("Value") ?? ""),
    ];
    if (texts.some((t) => [...t].length > max)) error(`string "${rid}" is longer than ${max} characters`);
    if (!childrenNamed(res, "Override").some((o) => o.attrs.get("Locale") === LOCALE && o.attrs.get("Value")))
      error(`string "${rid}" has no <bt:Override Locale="${LOCALE}">`);
  }

  function checkFunctions(vo: XmlElement | undefined): void {
    const names = [...(vo ? descendants(vo) : [])].filter((e) => e.local === "FunctionName").map((e) => e.text.trim());
    if (names.length === 0) return;
    if (![...(vo ? descendants(vo) : [])].some((e) => e.local === "FunctionFile"))
      error("ExecuteFunction buttons need a <FunctionFile>");
    const dir = join(options.root, "src", "commands");
    const sources = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ts"))
          .map((f) => readFileSync(join(dir, f), "utf8"))
          .join("\n")
      : "";
    for (const fn of names)
      if (!sources.includes(`"${fn}"`)) error(`<FunctionName>${fn}</FunctionName> is not associated in src/commands`);
  }

  function checkIcon(url: string, sizes: Set<number>): void {
    const want = [...sizes].join(" and ");
    if (sizes.size > 1) return void error(`${url} is used at ${want} pixels: each size needs its own file`);
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return void error(`${url} is not a URL`);
    }
    if (!path.startsWith(`${base}assets/`)) return void error(`${url}: icons must be served from ${base}assets/`);
    const file = join(options.root, "assets", decodeURIComponent(path.slice(`${base}assets/`.length)));
    if (!existsSync(file)) return void error(`${url}: ${file} does not exist`);
    const size = pngSize(readFileSync(file));
    if (!size) return void error(`${file} is not a PNG`);
    if (size.width !== size.height || size.width !== [...sizes][0])
      error(`${file} is ${size.width}×${size.height}, must be ${want}×${want}`);
  }
}

/** Width and height from the IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] ?? 0) - (pb[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// XSD validation with xmllint (optional).

export type XsdResult =
  { status: "valid" } | { status: "invalid"; output: string } | { status: "skipped"; reason: string };

/** The published XSDs do not compile as-is (see manifest-schemas/README.md); fix a temporary copy, not the files. */
function patchedSchemas(schemasDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "manifest-xsd-"));
  for (const f of readdirSync(schemasDir).filter((n) => n.endsWith(".xsd"))) {
    const text = readFileSync(join(schemasDir, f), "utf8")
      .replace('xmlns:xs="https://www.w3.org/2001/XMLSchema"', 'xmlns:xs="http://www.w3.org/2001/XMLSchema"')
      .replaceAll("{0,3}?", "{0,3}");
    const name = f.startsWith("stub-") ? f.slice("stub-".length) : f;
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function validateWithXsd(manifestPath: string, schemasDir: string): XsdResult {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) return { status: "skipped", reason: "xmllint is not installed (apt-get install libxml2-utils)" };
  if (!existsSync(join(schemasDir, "OfficeAppManifestV1_1.xsd")))
    return { status: "skipped", reason: `no schemas in ${schemasDir}` };
  const dir = patchedSchemas(schemasDir);
  try {
    const manifest = join(dir, "manifest.xml");
    copyFileSync(manifestPath, manifest);
    const run = spawnSync("xmllint", ["--noout", "--schema", "OfficeAppManifestV1_1.xsd", "manifest.xml"], {
      cwd: dir,
      encoding: "utf8",
    });
    if (run.status === 0) return { status: "valid" };
    const output = `${run.stdout}${run.stderr}`.replaceAll("manifest.xml:", `${manifestPath}:`).trim();
    return { status: "invalid", output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Online validation (only with --online).

export type OnlineResult = { status: "valid" | "invalid"; output: string } | { status: "unreachable"; output: string };

export function validateOnline(manifestPath: string, root: string): OnlineResult {
  // Through node, not node_modules/.bin: the bin link may lack its executable bit.
  const cli = join(root, "node_modules", "office-addin-manifest", "cli.js");
  const run = spawnSync(process.execPath, [cli, "validate", manifestPath], { encoding: "utf8", timeout: 60_000 });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  const unreachable =
    run.error !== undefined ||
    /Unable to contact the manifest validation service|Unable to validate the manifest|ENOTFOUND|ECONN|ETIMEDOUT|certificate/i.test(
      output,
    );
  if (unreachable) return { status: "unreachable", output: output || String(run.error) };
  return { status: run.status === 0 ? "valid" : "invalid", output };
}

// ---------------------------------------------------------------------------------------------------------------

function main(argv: string[]): number {
  const root = process.cwd();
  const online = argv.includes("--online");
  const manifestPath = resolve(argv.find((a) => !a.startsWith("--")) ?? "manifest.xml");
  let failed = false;
  const print = (i: Issue) => console.log(`  ${i.level === "error" ? "✗ error" : "! warning"}: ${i.message}`);

  console.log(`Validating ${manifestPath}`);
  if (!existsSync(manifestPath)) {
    console.log(`  ✗ error: ${manifestPath} does not exist`);
    return 1;
  }
  // What the production build writes is what gets deployed: no local host may remain in it.
  const production = argv.includes("--production") || manifestPath.startsWith(join(root, "dist") + sep);
  const issues = checkManifest(readFileSync(manifestPath, "utf8"), { root, production });
  issues.forEach(print);
  failed ||= issues.some((i) => i.level === "error");
  console.log(`${failed ? "✗" : "✓"} offline checks (XML, resids, icons, requirements, permissions, zh-CN)`);

  const xsd = validateWithXsd(manifestPath, join(root, "scripts", "manifest-schemas"));
  if (xsd.status === "valid") console.log("✓ XSD (xmllint, office-js-docs-pr schemas)");
  else if (xsd.status === "skipped") console.log(`! XSD check skipped: ${xsd.reason}`);
  else {
    console.log(`✗ XSD (xmllint):\n${xsd.output.replace(/^/gm, "    ")}`);
    failed = true;
  }

  if (!online) console.log("- online validation not run (add --online to ask Microsoft's validation service)");
  else {
    const result = validateOnline(manifestPath, root);
    if (result.status === "unreachable")
      console.log(
        `! warning: validation service unreachable; offline checks stand.\n${result.output.replace(/^/gm, "    ")}`,
      );
    else {
      console.log(
        `${result.status === "valid" ? "✓" : "✗"} online validation service:\n${result.output.replace(/^/gm, "    ")}`,
      );
      failed ||= result.status === "invalid";
    }
  }
  console.log(failed ? "The manifest is NOT valid." : "The manifest is valid.");
  return failed ? 1 : 0;
}

// Run only as a script, not when the tests import the checks.
if (/validate-manifest\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) process.exitCode = main(process.argv.slice(2));
