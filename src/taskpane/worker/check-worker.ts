/**
 * Worker entry (its own webpack entry, check-worker.js): the full check of a large workbook takes seconds, so the
 * pane runs it here, off the UI thread. The pane falls back to checking in its own thread if the worker fails.
 */
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { WorkerHandler } from "./worker-handler";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const handler = new WorkerHandler();
scope.onmessage = (e) => scope.postMessage(handler.handle(e.data));
