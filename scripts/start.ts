/**
 * `npm start`: trust the dev certificates, then sideload manifest.xml into desktop Excel with office-addin-debugging
 * (which also starts `npm run dev-server`). `npm stop` ends it.
 *
 * office-addin-debugging only knows Windows and macOS and fails obscurely elsewhere ("The current platform is not
 * supported: linux") or when Excel is missing; so we check first and say what to do instead. Exit codes: 0 sideloaded,
 * 1 nothing started (no desktop Excel, no dev-server script, certificates or sideload failed).
 * `npm start -- --force` skips the Excel detection if it is wrong for your machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface StartEnv {
  platform: NodeJS.Platform;
  /** Desktop Excel found on this machine. */
  excelInstalled(): boolean;
  /** package.json scripts. */
  scripts: Record<string, string>;
  /** Runs a package's CLI through node; returns its exit status. */
  runCli(pkg: string, args: string[]): number;
  print(text: string): void;
}

const MANIFEST = "manifest.xml";
const DEV_SERVER_PORT = "3000";

export function noDesktopExcel(platform: NodeJS.Platform, found: "no-platform" | "no-excel"): string {
  const why =
    found === "no-platform"
      ? `Desktop Excel runs only on Windows and macOS; this is ${platform}.`
      : "Desktop Excel was not found on this machine.";
  return `npm start sideloads the add-in into desktop Excel. ${why}
本机没有桌面版 Excel，无法旁加载；请改用以下方式。

Instead:
  • The task pane in a browser, no Office needed (the sample workbook, or any .xlsx):
      npm run preview
  • Excel on the web, any OS:
      1. npx office-addin-dev-certs install   (once: creates and trusts the https://localhost certificate)
      2. npm run dev-server                   (serves https://localhost:${DEV_SERVER_PORT}; keep it running; if the
         browser still distrusts it, open https://localhost:${DEV_SERVER_PORT}/taskpane.html once and accept it)
      3. Open a workbook at https://www.office.com, then Home ▸ Add-ins ▸ More Settings ▸ Upload My Add-in
         (older menus: Insert ▸ Add-ins ▸ Upload My Add-in) and choose ${MANIFEST} from this folder.
  • Check the manifest offline: npm run validate

If Excel is installed and this detection is wrong: npm start -- --force`;
}

export function start(env: StartEnv, args: string[]): number {
  const force = args.includes("--force");
  if (!force && env.platform !== "win32" && env.platform !== "darwin") {
    env.print(noDesktopExcel(env.platform, "no-platform"));
    return 1;
  }
  if (!force && !env.excelInstalled()) {
    env.print(noDesktopExcel(env.platform, "no-excel"));
    return 1;
  }
  if (!env.scripts["dev-server"]) {
    env.print(`package.json has no "dev-server" script, which office-addin-debugging starts to serve the add-in on
https://localhost:${DEV_SERVER_PORT}. Add the webpack dev server first (README, "The add-in: sideload and validate").`);
    return 1;
  }
  env.print("Installing/trusting the development certificates (office-addin-dev-certs) …");
  if (env.runCli("office-addin-dev-certs", ["install"]) !== 0) {
    env.print(`The development certificates could not be installed. Run "npx office-addin-dev-certs install" and accept
the prompt to trust the certificate (Windows: a security dialog; macOS: your password), then npm start again.`);
    return 1;
  }
  const status = env.runCli("office-addin-debugging", [
    "start",
    MANIFEST,
    "desktop",
    "--app",
    "excel",
    "--dev-server-port",
    DEV_SERVER_PORT,
  ]);
  if (status !== 0) {
    env.print(`Sideloading failed (office-addin-debugging exited with ${status}; its message is above).
If an earlier session is still running, run "npm stop" and try again. Without desktop Excel: npm run preview,
or Excel on the web (README, "The add-in: sideload and validate").`);
    return 1;
  }
  env.print('Excel opens with the add-in: Home tab ▸ "检查 / Check", "检查面板 / Checker pane". Stop with: npm stop');
  return 0;
}

function windowsHasExcel(): boolean {
  // Office registers excel.exe under App Paths (MSI and Click-to-Run); the usual folders as a fallback.
  for (const hive of ["HKLM", "HKCU"]) {
    const q = spawnSync("reg", [
      "query",
      `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`,
    ]);
    if (q.status === 0) return true;
  }
  const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter((r): r is string => !!r);
  return roots.some((r) =>
    ["root\\Office16", "Office16", "root\\Office15", "Office15"].some((d) =>
      existsSync(join(r, "Microsoft Office", d, "EXCEL.EXE")),
    ),
  );
}

function excelInstalled(platform: NodeJS.Platform): boolean {
  if (platform === "win32") return windowsHasExcel();
  if (platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  return false;
}

function main(): number {
  const root = process.cwd();
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return start(
    {
      platform: process.platform,
      excelInstalled: () => excelInstalled(process.platform),
      scripts: pkg.scripts ?? {},
      // Through node rather than node_modules/.bin: works even where the bin link lost its executable bit.
      runCli: (name, args) => {
        const cli = join(root, "node_modules", name, "cli.js");
        const run = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
        return run.status ?? 1;
      },
      print: (text) => console.log(text),
    },
    process.argv.slice(2),
  );
}

if (/start\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) process.exitCode = main();
