/**
 * Coalesces a burst of host changes into the fewest re-reads: renames and deletions in order, whole sheets once,
 * and per sheet the edited areas merged (one bounding block when that does not read much more than was edited).
 */
import { cellCount, type CellRange } from "../core/address";
import type { HostChange } from "../host/host";

/** A bounding block may read this many cells beyond what was edited before areas are kept apart. */
const MERGE_SLACK_CELLS = 2_000;

export interface CoalescedChanges {
  /** In arrival order; no reading needed. */
  renamesAndDeletes: Extract<HostChange, { kind: "sheet-deleted" | "sheet-renamed" }>[];
  /** Sheets to re-read whole (structure changed or added). */
  sheets: string[];
  /** Areas to re-read, per sheet not in `sheets`. */
  regions: { sheet: string; range: CellRange }[];
}

export function coalesce(changes: readonly HostChange[]): CoalescedChanges {
  const renamesAndDeletes: CoalescedChanges["renamesAndDeletes"] = [];
  let whole = new Set<string>();
  let areas = new Map<string, CellRange[]>();
  const rename = <T>(m: Map<string, T>, from: string, to: string) =>
    new Map([...m].map(([k, v]) => [k === from ? to : k, v]));
  for (const c of changes) {
    switch (c.kind) {
      case "cells": {
        if (whole.has(c.sheet)) break;
        const list = areas.get(c.sheet) ?? [];
        list.push(c.range);
        areas.set(c.sheet, list);
        break;
      }
      case "calculated":
        break; // every burst re-reads the formula cells (live-checker.ts); this only starts one
      case "sheet":
        whole.add(c.sheet);
        areas.delete(c.sheet);
        break;
      case "sheet-deleted":
        renamesAndDeletes.push(c);
        whole.delete(c.sheet);
        areas.delete(c.sheet);
        break;
      case "sheet-renamed":
        renamesAndDeletes.push(c);
        whole = new Set([...whole].map((s) => (s === c.from ? c.to : s)));
        areas = rename(areas, c.from, c.to);
        break;
    }
  }
  const regions = [...areas].flatMap(([sheet, list]) => mergeAreas(list).map((range) => ({ sheet, range })));
  return { renamesAndDeletes, sheets: [...whole], regions };
}

/** Union of overlapping areas; then one bounding block if it adds little, else the separate areas. */
export function mergeAreas(list: readonly CellRange[]): CellRange[] {
  const merged: CellRange[] = [];
  for (const r of list) {
    let cur = { ...r };
    for (let i = merged.length - 1; i >= 0; i--) {
      const m = merged[i];
      const touching =
        cur.left <= m.right + 1 && m.left <= cur.right + 1 && cur.top <= m.bottom + 1 && m.top <= cur.bottom + 1;
      if (touching) {
        cur = bounding(cur, m);
        merged.splice(i, 1);
      }
    }
    merged.push(cur);
  }
  if (merged.length <= 1) return merged;
  const box = merged.reduce(bounding);
  const edited = merged.reduce((n, m) => n + cellCount(m), 0);
  return cellCount(box) - edited <= MERGE_SLACK_CELLS ? [box] : merged;
}

function bounding(a: CellRange, b: CellRange): CellRange {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}
