import { invocationDir } from "../../src/cli/invocation-dir";
import pkg from "../../package.json";

describe("invocationDir: where relative paths on the command line are meant from", () => {
  // What npm sets for `npm run check` started in /home/me/tables for the project in /opt/checker.
  const npmRun = {
    npm_lifecycle_event: "check",
    npm_package_name: pkg.name,
    npm_package_json: "/opt/checker/package.json",
    INIT_CWD: "/home/me/tables",
  };

  it("our own npm script, run in the project folder: the folder npm was started in (INIT_CWD)", () => {
    expect(invocationDir(npmRun, "/opt/checker")).toBe("/home/me/tables");
  });

  it("a process started in another folder under that npm (a test, a script): its own working directory", () => {
    expect(invocationDir(npmRun, "/tmp/work")).toBe("/tmp/work");
  });

  it("run directly from a shell: the working directory", () => {
    expect(invocationDir({}, "/home/me/tables")).toBe("/home/me/tables");
    expect(invocationDir({ INIT_CWD: "/somewhere/else" }, "/home/me/tables")).toBe("/home/me/tables");
  });

  it("inside another package's script: that script's working directory", () => {
    const env = { ...npmRun, npm_package_name: "unit-budget-2025", npm_package_json: "/u/package.json" };
    expect(invocationDir(env, "/u")).toBe("/u");
  });

  it("our script without INIT_CWD (very old npm): the working directory", () => {
    expect(invocationDir({ ...npmRun, INIT_CWD: undefined }, "/opt/checker")).toBe("/opt/checker");
  });
});
