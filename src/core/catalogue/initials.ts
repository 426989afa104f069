/**
 * Pinyin initials of a code name ("机关事业单位" → "jgsydw"), what the search matches Latin input against. One function
 * for the built-in names (scripts/build-catalogue.ts stores them in the data) and for imported ones (computed when a
 * search first needs them). pinyin-pro is large: the pane loads this module as its own chunk, only with imported lists.
 */
import { pinyin } from "pinyin-pro";

export function initials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
