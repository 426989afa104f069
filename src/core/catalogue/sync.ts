/** Synchronous access for the CLI and tests: imports the data statically (not for the pane's main bundle). */
import { createCatalogue, type Catalogue } from "./catalogue";
import { catalogueData } from "./data";
import type { InitialsOf } from "./search";
import type { ImportedList } from "./types";

let cached: Catalogue | undefined;

/**
 * The built-in catalogue, or (with `imported`) a new one with the user's lists laid over it. A caller that searches
 * passes `initialsOf` (initials.ts) so imported names are found by pinyin too; checks need none (and no pinyin-pro).
 */
export function getCatalogueSync(imported: readonly ImportedList[] = [], initialsOf?: InitialsOf): Catalogue {
  if (imported.length > 0) return createCatalogue(catalogueData, imported, initialsOf);
  cached ??= createCatalogue(catalogueData);
  return cached;
}
