/** The sample workbook shipped with the CLI (a real published unit budget), checked when no FILE is given. */
import path from "node:path";

/**
 * Resolved from this file's folder, not the working directory, so the check works from anywhere. That folder is
 * src/cli under tsx and build/cli in the bundle (scripts/build-cli.mjs): both two levels below the project.
 */
export function bundledSamplePath(): string {
  return path.resolve(__dirname, "../../assets/sample.xlsx");
}
