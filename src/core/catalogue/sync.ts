/** Synchronous access for the CLI and tests: imports the data statically (not for the pane's main bundle). */
import { createCatalogue, type Catalogue } from "./catalogue";
import { catalogueData } from "./data";

let cached: Catalogue | undefined;

export function getCatalogueSync(): Catalogue {
  cached ??= createCatalogue(catalogueData);
  return cached;
}
