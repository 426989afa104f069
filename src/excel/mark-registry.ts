/**
 * What the add-in wrote into the workbook, by identity: each conditional format's id, each note's or comment's exact
 * text, its cell and its sheet's id (names change, ids do not). Kept in the workbook's own settings so a later
 * session, the ribbon's Check and the pane all know the same marks and remove only those. Pure data: no Office.js.
 */
import { cellKey, type CfGroup, type MarkPlan, type MarkSeverity } from "../core/report/mark-plan";

/** Office document settings key (beside the pane's "budgetTableChecker.settings"). */
export const MARK_REGISTRY_KEY = "budgetTableChecker.marks";

export interface OwnedCf {
  group: CfGroup;
  /** Conditional format id Excel gave the format. */
  id: string;
  sheetId: string;
}

export interface OwnedNote {
  sheet: string;
  sheetId: string;
  address: string;
  severity: MarkSeverity;
  /** Exactly what we wrote; a note or comment with other content is the user's. */
  text: string;
  /** Comment hosts: the comment's id. */
  commentId?: string;
}

export interface MarkRegistry {
  /** Changes with every save, so a session can tell that another one (the ribbon, the pane) wrote since. */
  rev: string;
  cfs: Map<string, OwnedCf>;
  notes: Map<string, OwnedNote>;
}

/** Where the registry lives: Office document settings in Excel, memory in tests. undefined = never stored. */
export interface MarkStore {
  load(): Promise<unknown>;
  save(data: StoredRegistry): Promise<void>;
}

/** JSON form (document settings hold JSON values). */
export interface StoredRegistry {
  v: 1;
  rev: string;
  cfs: [key: string, sheet: string, severity: MarkSeverity, address: string, id: string, sheetId: string][];
  notes: [sheet: string, address: string, severity: MarkSeverity, text: string, sheetId: string, commentId?: string][];
}

export function emptyRegistry(): MarkRegistry {
  return { rev: "", cfs: new Map(), notes: new Map() };
}

let revCounter = 0;
export function newRev(): string {
  revCounter++;
  return `${Date.now().toString(36)}-${revCounter.toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export function toStored(r: MarkRegistry): StoredRegistry {
  return {
    v: 1,
    rev: r.rev,
    cfs: [...r.cfs.values()].map((c) => [c.group.key, c.group.sheet, c.group.severity, c.group.address, c.id, c.sheetId]),
    notes: [...r.notes.values()].map((n) =>
      n.commentId === undefined
        ? [n.sheet, n.address, n.severity, n.text, n.sheetId]
        : [n.sheet, n.address, n.severity, n.text, n.sheetId, n.commentId],
    ),
  };
}

const isStr = (x: unknown): x is string => typeof x === "string";
const isSeverity = (x: unknown): x is MarkSeverity => x === "error" || x === "warning";

/** undefined: nothing stored (a workbook never marked by this version); a malformed value counts as empty. */
export function fromStored(data: unknown): MarkRegistry | undefined {
  if (data === undefined || data === null) return undefined;
  const out = emptyRegistry();
  if (typeof data !== "object") return out;
  const d = data as Partial<StoredRegistry>;
  if (d.v !== 1 || !isStr(d.rev)) return out;
  out.rev = d.rev;
  for (const c of Array.isArray(d.cfs) ? d.cfs : []) {
    if (!Array.isArray(c) || !c.every((x, i) => (i === 2 ? isSeverity(x) : isStr(x))) || c.length !== 6) continue;
    const [key, sheet, severity, address, id, sheetId] = c;
    out.cfs.set(key, { group: { key, sheet, severity, address }, id, sheetId });
  }
  for (const n of Array.isArray(d.notes) ? d.notes : []) {
    if (!Array.isArray(n) || n.length < 5 || !n.every((x, i) => (i === 2 ? isSeverity(x) : isStr(x)))) continue;
    const [sheet, address, severity, text, sheetId, commentId] = n;
    out.notes.set(cellKey(sheet, address), { sheet, address, severity, text, sheetId, commentId });
  }
  return out;
}

/** The registry seen as a mark plan, so the next write can be diffed against what is really ours in the workbook. */
export function registryPlan(r: MarkRegistry): MarkPlan {
  const plan: MarkPlan = { cells: new Map(), groups: new Map() };
  for (const c of r.cfs.values()) plan.groups.set(c.group.key, c.group);
  for (const [key, n] of r.notes) plan.cells.set(key, { sheet: n.sheet, address: n.address, severity: n.severity, note: n.text });
  return plan;
}

/** In-memory store: tests, the preview, and hosts without document settings. */
export function memoryMarkStore(initial?: unknown): MarkStore & { data: unknown; saves: number } {
  const store = {
    data: initial,
    saves: 0,
    load: async () => structuredClone(store.data),
    save: async (d: StoredRegistry) => {
      store.data = structuredClone(d);
      store.saves++;
    },
  };
  return store;
}

/**
 * What to do with a note or comment we once wrote, given what is there now: exactly ours → delete; ours with the
 * user's text added (or replies under our comment) → keep it, with our text taken out; anything else → the user's.
 */
export type Disposal = { kind: "delete" } | { kind: "rewrite"; content: string } | { kind: "leave" };

/** Shown in place of our text in a comment thread the user replied to (deleting the comment deletes the thread). */
export const CLEARED_COMMENT = "（预算表检查的标记已清除 · checker mark cleared）";

export function dispose(ours: string, current: string | null | undefined, replies = 0): Disposal {
  if (current === null || current === undefined) return { kind: "leave" };
  if (current === ours) return replies > 0 ? { kind: "rewrite", content: CLEARED_COMMENT } : { kind: "delete" };
  const at = current.indexOf(ours);
  if (at < 0) return { kind: "leave" };
  const rest = (current.slice(0, at) + current.slice(at + ours.length)).replace(/^\s+|\s+$/g, "");
  if (rest === "") return replies > 0 ? { kind: "rewrite", content: CLEARED_COMMENT } : { kind: "delete" };
  return { kind: "rewrite", content: rest };
}
