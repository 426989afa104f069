/** Lazy loading for the pane: the data module is dynamic-imported so webpack puts it in its own chunk. */
import { createCatalogue, type Catalogue } from "./catalogue";
import type { ImportedList } from "./types";

let pending: Promise<Catalogue> | undefined;

/** The built-in catalogue, or (with `imported`) a new one with the user's lists laid over it. */
export function loadCatalogue(imported: readonly ImportedList[] = []): Promise<Catalogue> {
  // Imported names need pinyin-pro for their initials (as sync.ts): its own chunk, fetched only with imported lists.
  if (imported.length > 0)
    return Promise.all([import(/* webpackChunkName: "catalogue" */ "./data"), import(/* webpackChunkName: "pinyin" */ "./initials")]).then(
      ([m, p]) => createCatalogue(m.catalogueData, imported, p.initials),
    );
  pending ??= import(/* webpackChunkName: "catalogue" */ "./data").then((m) => createCatalogue(m.catalogueData));
  return pending;
}
