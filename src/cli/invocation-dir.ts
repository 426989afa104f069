/** Where the user ran the command: relative paths on the command line are meant from there. */
import fs from "node:fs";
import path from "node:path";
import { name as PACKAGE_NAME } from "../../package.json";

/**
 * `npm run check -- x.xlsx` runs in the project folder, but the user typed `x.xlsx` in the folder they started npm
 * in, which npm passes as INIT_CWD. Only that case is taken: this package's own script, running in this package's
 * folder. A process started elsewhere (a test, a script that chose its cwd) or another package's script inherits or
 * gets an INIT_CWD that is not where its paths are meant from, so there the working directory counts.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const { INIT_CWD, npm_package_json, npm_package_name } = env;
  if (!INIT_CWD || !npm_package_json || npm_package_name !== PACKAGE_NAME) return cwd;
  return samePath(path.dirname(npm_package_json), cwd) ? INIT_CWD : cwd;
}

function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}
