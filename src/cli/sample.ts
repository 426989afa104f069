/** The sample workbook shipped with the CLI (a real published unit budget), checked when no FILE is given. */
import path from "node:path";

/** Resolved from this source file, not the working directory, so `npm run check` works from anywhere. */
export function bundledSamplePath(): string {
  return path.resolve(__dirname, "../../assets/sample.xlsx");
}
