/** The lazily loaded catalogue (its own webpack chunk), with the imported code lists laid over it; null until it arrives. */
import { useEffect, useState } from "react";
import type { Catalogue } from "../core/catalogue";
import { useServices } from "./services";
import { useCodeLists } from "./settings/code-lists-context";

export function useCatalogue(): Catalogue | null {
  const { loadCatalogue } = useServices();
  const { lists } = useCodeLists();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadCatalogue(lists)
      .then((c) => !cancelled && setCatalogue(c))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [loadCatalogue, lists]);
  return catalogue;
}
