/** npm start's decisions, with the machine faked: explain instead of failing obscurely; certificates before sideload. */
import { start, type StartEnv } from "../../scripts/start";

function env(patch: Partial<StartEnv> = {}, statuses: Record<string, number> = {}) {
  const out: string[] = [];
  const calls: string[] = [];
  const e: StartEnv = {
    platform: "win32",
    excelInstalled: () => true,
    scripts: { "dev-server": "webpack serve --mode development" },
    runCli: (pkg, args) => {
      calls.push(`${pkg} ${args.join(" ")}`);
      return statuses[pkg] ?? 0;
    },
    print: (t) => void out.push(t),
    ...patch,
  };
  return { e, out, calls };
}

describe("npm start", () => {
  it("on Linux explains the browser preview and Excel on the web, starts nothing, exits 1", () => {
    const { e, out, calls } = env({ platform: "linux", excelInstalled: () => false });
    expect(start(e, [])).toBe(1);
    expect(calls).toEqual([]);
    const text = out.join("\n");
    expect(text).toMatch(/Desktop Excel runs only on Windows and macOS; this is linux\./);
    expect(text).toContain("npm run preview");
    expect(text).toContain("npm run dev-server");
    expect(text).toContain("Upload My Add-in");
    expect(text).toContain("manifest.xml");
  });

  it("on Windows or macOS without Excel says so", () => {
    for (const platform of ["win32", "darwin"] as const) {
      const { e, out, calls } = env({ platform, excelInstalled: () => false });
      expect(start(e, [])).toBe(1);
      expect(calls).toEqual([]);
      expect(out.join("\n")).toMatch(/Desktop Excel was not found on this machine\./);
    }
  });

  it("installs the dev certificates, then sideloads into desktop Excel on port 3000", () => {
    const { e, calls } = env();
    expect(start(e, [])).toBe(0);
    expect(calls).toEqual([
      "office-addin-dev-certs install",
      "office-addin-debugging start manifest.xml desktop --app excel --dev-server-port 3000",
    ]);
  });

  it("does not sideload when the certificates fail, and reports a failed sideload", () => {
    const certs = env({}, { "office-addin-dev-certs": 1 });
    expect(start(certs.e, [])).toBe(1);
    expect(certs.calls).toEqual(["office-addin-dev-certs install"]);
    expect(certs.out.join("\n")).toMatch(/certificates could not be installed/);
    const sideload = env({}, { "office-addin-debugging": 2 });
    expect(start(sideload.e, [])).toBe(1);
    expect(sideload.out.join("\n")).toMatch(/exited with 2/);
  });

  it("needs the dev-server script that office-addin-debugging starts", () => {
    const { e, out, calls } = env({ scripts: {} });
    expect(start(e, [])).toBe(1);
    expect(calls).toEqual([]);
    expect(out.join("\n")).toMatch(/no "dev-server" script/);
  });

  it("--force skips the Excel detection", () => {
    const { e, calls } = env({ platform: "darwin", excelInstalled: () => false });
    expect(start(e, ["--force"])).toBe(0);
    expect(calls).toHaveLength(2);
  });
});
