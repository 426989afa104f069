/** Lazy loading for the pane: the data module is dynamic-imported so webpack puts it in its own chunk. */
import { createCatalogue, type Catalogue } from "./catalogue";
import type { ImportedList } from "./types";

let pending: Promise<Catalogue> | undefined;

/** The built-in catalogue, or (with `imported`) a new one with the user's lists laid over it. */
export function loadCatalogue(imported: readonly ImportedList[] = []): Promise<Catalogue> {
  if (imported.length > 0)
    return import(/* webpackChunkName: "catalogue" */ "./data").then((m) => createCatalogue(m.catalogueData, imported));
  pending ??= import(/* webpackChunkName: "catalogue" */ "./data").then((m) => createCatalogue(m.catalogueData));
  return pending;
}
