/**
 * Which Excel API requirement sets the running host supports, read once, and what the adapter does with each.
 *
 * Minimum: ExcelApi 1.7. It gives Worksheet.onChanged / onAdded / onDeleted (live re-check), Range.getRangeByIndexes
 * and getAbsoluteResizedRange (block reads, inserts), and includes 1.6 conditional formats (marks that never touch the
 * user's own formatting) and 1.5 getNextOrNullObject (enumerating sheets without a round trip). 1.7 is Office 2019 /
 * Windows 1801; anything older cannot re-check live, so the manifest should require it.
 *
 * Degradation ladder above the minimum, each gated at runtime:
 *  - annotations: Notes (1.18) → Comments (1.10) → pane-only (the finding list; cells still get a coloured mark).
 *  - change events: WorksheetCollection.onChanged (1.9, one handler for all sheets) → per-sheet onChanged (1.7).
 *  - own changes: triggerSource "ThisLocalAddin" (1.14) tells them apart. Events are never switched off around our
 *    writes (runtime.enableEvents would also drop the user's edits made meanwhile, issue 16); below 1.14 our mark
 *    writes are formats and notes, and a re-check of an area we wrote changes no finding, so nothing loops.
 *  - recalculation without an edit (F9 in manual mode, volatile formulas, another workbook's links):
 *    WorksheetCollection.onCalculated (1.8) queues a re-read of the formula cells → below 1.8 they are re-read with
 *    the next edit only.
 *  - renames: onNameChanged (1.17) → the sheet name is re-resolved from its id on the next change event.
 *  - merged areas: getMergedAreasOrNullObject (1.13) → no merges (header text is read from top-left cells only).
 *  - multi-area marks and selection: RangeAreas (1.9) → one conditional format per contiguous run.
 *  - print setup of an inserted template sheet: Worksheet.pageLayout (1.9) → left at Excel's defaults.
 *  - removing our own marks by id: getItemOrNullObject (1.14) → getItem (1.6/1.10); if the user deleted the mark the
 *    batch fails and the writer rescans and rewrites (two more syncs, only then).
 */

export interface RequirementSet {
  name: "ExcelApi";
  version: string;
}

/** For the manifest's <Requirements><Sets> element. */
export const MINIMUM_REQUIREMENT_SET: RequirementSet = { name: "ExcelApi", version: "1.7" };

export type IsSetSupported = (name: string, version: string) => boolean;

export interface Capabilities {
  /** ExcelApi 1.6 conditional formats; false only below the minimum. */
  conditionalFormats: boolean;
  annotations: "notes" | "comments" | "pane";
  changeEvents: "workbook" | "worksheet" | "none";
  /** runtime.enableEvents (1.8); detected, deliberately not used for our writes (see above). */
  eventToggle: boolean;
  /** WorksheetCollection.onCalculated (1.8). */
  calculatedEvents: boolean;
  /** WorksheetChangedEventArgs.triggerSource (1.14). */
  triggerSource: boolean;
  /** WorksheetCollection.onNameChanged (1.17). */
  renameEvents: boolean;
  /** Range.getMergedAreasOrNullObject (1.13). */
  mergedAreas: boolean;
  /** Worksheet.getRanges / RangeAreas (1.9). */
  rangeAreas: boolean;
  /** ConditionalFormatCollection / CommentCollection getItemOrNullObject (1.14); else getItem, which fails the batch if gone. */
  itemOrNullObject: boolean;
  /** Worksheet.pageLayout (1.9): print setup of inserted template sheets. */
  pageLayout: boolean;
}

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const has = (v: string) => isSetSupported("ExcelApi", v);
  return {
    conditionalFormats: has("1.6"),
    annotations: has("1.18") ? "notes" : has("1.10") ? "comments" : "pane",
    changeEvents: has("1.9") ? "workbook" : has("1.7") ? "worksheet" : "none",
    eventToggle: has("1.8"),
    calculatedEvents: has("1.8"),
    triggerSource: has("1.14"),
    renameEvents: has("1.17"),
    mergedAreas: has("1.13"),
    rangeAreas: has("1.9"),
    itemOrNullObject: has("1.14"),
    pageLayout: has("1.9"),
  };
}

/** Everything available: what tests and the in-memory host assume unless told otherwise. */
export const FULL_CAPABILITIES: Capabilities = detectCapabilities(() => true);

let officeCaps: Capabilities | undefined;

/** Reads Office.context.requirements once per page load (it cannot change while the add-in runs). */
export function officeCapabilities(): Capabilities {
  officeCaps ??= detectCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version));
  return officeCaps;
}

export function meetsMinimum(isSetSupported: IsSetSupported): boolean {
  return isSetSupported(MINIMUM_REQUIREMENT_SET.name, MINIMUM_REQUIREMENT_SET.version);
}
