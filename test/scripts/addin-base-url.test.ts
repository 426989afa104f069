/**
 * The production host comes from ADDIN_BASE_URL at build time (scripts/addin-base-url.cjs, used by webpack.config.js):
 * checked and normalised here, refused by the real webpack config when missing, and a manifest rewritten with it
 * passes validation as a deployed manifest while placeholder and local hosts do not.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { placeholderHostReason, productionBaseUrl, productionManifest } from "../../scripts/addin-base-url.cjs";
import { checkManifest, type Issue } from "../../scripts/validate-manifest";

const ROOT = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const errors = (issues: Issue[]) => issues.filter((i) => i.level === "error").map((i) => i.message);

describe("ADDIN_BASE_URL", () => {
  it.each([
    ["https://addin.finance.gov.cn/budget/", "https://addin.finance.gov.cn/budget/"],
    ["https://addin.finance.gov.cn/budget", "https://addin.finance.gov.cn/budget/"],
    [" https://Budget.Unit.cn ", "https://budget.unit.cn/"],
    ["https://static.unit.cn:8443/x/", "https://static.unit.cn:8443/x/"],
  ])("%j → %j (the manifest's URLs are this plus a file name)", (value, url) => {
    expect(productionBaseUrl(value)).toEqual({ url });
  });

  it.each([
    [undefined, /ADDIN_BASE_URL is not set.*HTTPS address dist\/ will be served from/],
    ["  ", /is not set/],
    ["addin.unit.cn/budget/", /is not a URL/],
    ["http://addin.unit.cn/", /must be https/],
    ["https://addin.unit.cn/?v=2", /query/],
    ["https://www.contoso.com/", /www\.contoso\.com is a placeholder host/],
    ["https://addin.example.org/budget/", /addin\.example\.org is a placeholder host/],
    ["https://example.net/", /placeholder/],
    ["https://localhost:3000/", /this machine/],
    ["https://127.0.0.1/", /this machine/],
    ["https://budget.test/", /\.test is reserved/],
  ])("refuses %j", (value, message) => {
    const r = productionBaseUrl(value);
    expect("error" in r && r.error).toMatch(message);
  });

  it("real hosts that merely contain a placeholder's letters are not placeholders", () => {
    expect(placeholderHostReason("mycontoso.com.cn")).toBeNull();
    expect(placeholderHostReason("example.com.cn")).toBeNull();
    expect(placeholderHostReason("localhost.unit.cn")).toBeNull();
  });
});

describe("validation of the deployed manifest", () => {
  const deployed = (base: string) => productionManifest(xml, base);

  it("our manifest rewritten to a real host, with a path, passes as a production manifest", () => {
    const out = deployed("https://addin.finance.gov.cn/budget/");
    expect(out).not.toMatch(/="https:\/\/localhost/);
    expect(out).toContain('<SourceLocation DefaultValue="https://addin.finance.gov.cn/budget/taskpane.html"/>');
    expect(checkManifest(out, { root: ROOT, production: true })).toEqual([]);
  });

  it("the development manifest names localhost: fine for development, an error to deploy", () => {
    expect(errors(checkManifest(xml, { root: ROOT }))).toEqual([]);
    expect(errors(checkManifest(xml, { root: ROOT, production: true }))).toEqual([
      expect.stringMatching(/localhost is this machine.*build with ADDIN_BASE_URL/),
    ]);
  });

  it.each(["https://www.contoso.com/", "https://example.com/", "https://cdn.example.org/addin/"])(
    "a placeholder host (%s) is an error in any manifest, once per host",
    (base) => {
      const host = new URL(base).hostname;
      for (const production of [false, true]) {
        expect(errors(checkManifest(deployed(base), { root: ROOT, production }))).toEqual([
          expect.stringContaining(`${host} is a placeholder host`),
        ]);
      }
    },
  );
});

describe("npm run build without ADDIN_BASE_URL", () => {
  let out: string;
  beforeAll(() => (out = mkdtempSync(path.join(tmpdir(), "build-env-"))));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const build = (env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      const { ADDIN_BASE_URL: _drop, ...rest } = process.env;
      execFile(
        process.execPath,
        [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outDir=${out}`],
        { cwd: ROOT, env: { ...rest, ...env }, timeout: 120_000 },
        (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, output: `${stdout}${stderr}` }),
      );
    });

  it("stops before building, with one clear line and no stack trace", async () => {
    const [unset, placeholder] = await Promise.all([build({}), build({ ADDIN_BASE_URL: "https://www.contoso.com/" })]);
    for (const r of [unset, placeholder]) {
      expect(r.code).toBe(1);
      expect(r.output.trim().split("\n")).toHaveLength(1);
      expect(r.output).not.toMatch(/^\s+at /m);
    }
    expect(unset.output.trim()).toMatch(/^✗ production build stopped: ADDIN_BASE_URL is not set/);
    expect(placeholder.output).toContain("www.contoso.com is a placeholder host");
    expect(existsSync(path.join(out, "manifest.xml"))).toBe(false);
  }, 120_000);
});
