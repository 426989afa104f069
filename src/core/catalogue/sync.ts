/** Synchronous access for the CLI and tests: imports the data statically (not for the pane's main bundle). */
import { createCatalogue, type Catalogue } from "./catalogue";
import { catalogueData } from "./data";
import type { ImportedList } from "./types";

let cached: Catalogue | undefined;

/** The built-in catalogue, or (with `imported`) a new one with the user's lists laid over it. */
export function getCatalogueSync(imported: readonly ImportedList[] = []): Catalogue {
  if (imported.length > 0) return createCatalogue(catalogueData, imported);
  cached ??= createCatalogue(catalogueData);
  return cached;
}
