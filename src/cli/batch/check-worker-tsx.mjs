/**
 * Worker entry when the CLI runs from source (tsx, jest): a worker thread starts without the parent's loaders, so
 * it registers tsx (ES modules and CommonJS) itself, then loads the TypeScript worker. A bundled CLI ships a built
 * check-worker.js next to its main file instead, and pool.ts prefers that.
 */
import { register as registerEsm } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

registerEsm();
registerCjs();
const worker = await import("./check-worker.ts");
const run = worker.default?.default ?? worker.default;

export default run;
