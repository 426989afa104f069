/** The offline manifest checks on our manifest (green) and on broken copies made here (red). */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkManifest, parseXml, pngSize, validateWithXsd, type Issue } from "../../scripts/validate-manifest";
import { MINIMUM_REQUIREMENT_SET } from "../../src/excel/capabilities";
import { CHECK_NOW } from "../../src/commands/commands";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMAS = path.join(ROOT, "scripts", "manifest-schemas");
const xml = readFileSync(MANIFEST, "utf8");

const errors = (issues: Issue[]) => issues.filter((i) => i.level === "error").map((i) => i.message);
const check = (text: string, root = ROOT) => checkManifest(text, { root });

/** Replace exactly one occurrence, so a broken copy is broken the way the test says. */
function edit(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`expected one ${String(from)} in the manifest, found ${count}`);
  return text.replace(from, to);
}

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(tmpdir(), "manifest-test-"))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("our manifest", () => {
  it("passes every offline check, with no warnings", () => {
    expect(check(xml)).toEqual([]);
  });

  it("requires the adapter's minimum ExcelApi and associates the command the code registers", () => {
    expect(xml).toContain(`<Set Name="ExcelApi" MinVersion="${MINIMUM_REQUIREMENT_SET.version}"/>`);
    expect(xml).toContain(`<FunctionName>${CHECK_NOW}</FunctionName>`);
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  it("names every icon the design script draws, and each file has the size in its name", () => {
    for (const size of [16, 32, 64, 80]) expect(xml).toContain(`/assets/icon-${size}.png`);
    for (const size of [16, 32, 64, 80, 128])
      expect(pngSize(readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
  });
});

describe("broken copies", () => {
  it("a missing resid", () => {
    const broken = edit(xml, '<Label resid="CheckNow.Label"/>', '<Label resid="CheckNow.Lable"/>');
    expect(errors(check(broken))).toEqual([expect.stringMatching(/resid="CheckNow\.Lable"> does not resolve/)]);
  });

  it("a resource removed from Resources (every use reported)", () => {
    const broken = edit(xml, /\s*<bt:Image id="Icon\.80x80"[^>]*\/>/, "");
    const found = errors(check(broken));
    expect(found.length).toBe(3); // the group and both buttons use it
    expect(found.every((m) => /resid="Icon\.80x80"> does not resolve/.test(m))).toBe(true);
  });

  it("a resid of the wrong kind", () => {
    const broken = edit(xml, '<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Group.Label"/>');
    expect(errors(check(broken))).toEqual([expect.stringMatching(/must name a bt:Urls entry, not bt:ShortStrings/)]);
  });

  it("a ribbon image of the wrong pixel size", () => {
    const broken = edit(xml, /(<bt:Image id="Icon\.32x32" DefaultValue="[^"]*)icon-32\.png/, "$1icon-16.png");
    expect(errors(check(broken))).toEqual(
      expect.arrayContaining([expect.stringMatching(/icon-16\.png is used at 16 and 32 pixels/)]),
    );
  });

  it("an icon file whose pixels do not match its use", () => {
    const root = path.join(tmp, "wrong-size");
    mkdirSync(path.join(root, "assets"), { recursive: true });
    for (const size of [16, 32, 64, 80])
      copyFileSync(path.join(ROOT, "assets", `icon-${size}.png`), path.join(root, "assets", `icon-${size}.png`));
    copyFileSync(path.join(ROOT, "assets", "icon-64.png"), path.join(root, "assets", "icon-32.png"));
    mkdirSync(path.join(root, "src", "commands"), { recursive: true });
    copyFileSync(path.join(ROOT, "src", "commands", "commands.ts"), path.join(root, "src", "commands", "commands.ts"));
    expect(errors(check(xml, root))).toEqual([expect.stringMatching(/icon-32\.png is 64×64, must be 32×32/)]);
  });

  it("a missing icon file and a non-PNG", () => {
    const missing = edit(xml, "assets/icon-80.png", "assets/icon-81.png");
    expect(errors(check(missing))).toEqual([expect.stringMatching(/icon-81\.png does not exist/)]);
    const notPng = edit(xml, "assets/icon-80.png", "assets/sample.xlsx");
    expect(errors(check(notPng))).toEqual([expect.stringMatching(/sample\.xlsx is not a PNG/)]);
  });

  it("no Requirements, a lower ExcelApi, no Permissions", () => {
    const noReq = edit(xml, /<Requirements>[\s\S]*<\/Requirements>/, "");
    expect(errors(check(noReq))).toEqual([expect.stringMatching(/Set Name="ExcelApi"> is missing/)]);
    const low = edit(xml, 'MinVersion="1.7"', 'MinVersion="1.4"');
    expect(errors(check(low))).toEqual([expect.stringMatching(/1\.4 is below the adapter's minimum 1\.7/)]);
    const noPerm = edit(xml, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, "");
    expect(errors(check(noPerm))).toEqual(["<Permissions> is missing"]);
  });

  it("zh-CN overrides missing", () => {
    const name = edit(xml, '<Override Locale="zh-CN" Value="预算公开表检查"/>', "");
    expect(errors(check(name))).toEqual(['<DisplayName> has no <Override Locale="zh-CN">']);
    const label = edit(xml, '<bt:Override Locale="zh-CN" Value="检查"/>', "");
    expect(errors(check(label))).toEqual(['string "CheckNow.Label" has no <bt:Override Locale="zh-CN">']);
  });

  it("another host, http URLs, an unassociated function, an over-long string", () => {
    const word = edit(xml, '<Host Name="Workbook"/>', '<Host Name="Workbook"/><Host Name="Document"/>');
    expect(errors(check(word))).toEqual([expect.stringMatching(/exactly Workbook \(found Workbook, Document\)/)]);
    const http = edit(xml, '"https://localhost:3000/commands.html"', '"http://localhost:3000/commands.html"');
    expect(errors(check(http))).toEqual([expect.stringMatching(/commands\.html is not https/)]);
    const fn = edit(xml, "<FunctionName>checkNow</FunctionName>", "<FunctionName>checkLater</FunctionName>");
    expect(errors(check(fn))).toEqual([expect.stringMatching(/checkLater.* is not associated in src\/commands/)]);
    const long = edit(xml, 'DefaultValue="Check">', `DefaultValue="${"x".repeat(126)}">`);
    expect(errors(check(long))).toEqual(['string "CheckNow.Label" is longer than 125 characters']);
  });

  it("XML that is not well-formed", () => {
    const broken = edit(xml, "</ProviderName>", "</Provider>");
    expect(errors(check(broken))).toEqual([
      expect.stringMatching(/^not well-formed XML: line \d+: end tag <\/Provider>/),
    ]);
    expect(() => parseXml("<a><b></a>")).toThrow(/does not match <b>/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate attribute/);
    expect(() => parseXml("<a>Q&A</a>")).toThrow(/bare "&"/);
    expect(() => parseXml("<a/><b/>")).toThrow(/more than one root/);
    expect(() => parseXml("<p:a/>")).toThrow(/undeclared namespace prefix/);
    expect(parseXml('<a x="&lt;1&#x4E00;"><!-- c --><b>t&amp;</b></a>').children[0].text).toBe("t&");
  });
});

const hasXmllint = !spawnSync("xmllint", ["--version"]).error;

(hasXmllint ? describe : describe.skip)("XSD (xmllint)", () => {
  it("accepts our manifest", () => {
    expect(validateWithXsd(MANIFEST, SCHEMAS)).toEqual({ status: "valid" });
  });

  it("rejects a schema violation the offline checks do not look for", () => {
    const file = path.join(tmp, "unknown-element.xml");
    const moved = edit(xml, "</ProviderName>", "</ProviderName>\n  <Publisher>x</Publisher>");
    writeFileSync(file, moved);
    const result = validateWithXsd(file, SCHEMAS);
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.output).toMatch(/Publisher': This element is not expected/);
  });
});

describe("XSD without xmllint or schemas", () => {
  it("is skipped, not failed", () => {
    expect(validateWithXsd(MANIFEST, path.join(tmp, "no-schemas")).status).toBe("skipped");
  });
});
