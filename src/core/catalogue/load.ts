/** Lazy loading for the pane: the data module is dynamic-imported so webpack puts it in its own chunk. */
import { createCatalogue, type Catalogue } from "./catalogue";

let pending: Promise<Catalogue> | undefined;

export function loadCatalogue(): Promise<Catalogue> {
  pending ??= import(/* webpackChunkName: "catalogue" */ "./data").then((m) => createCatalogue(m.catalogueData));
  return pending;
}
