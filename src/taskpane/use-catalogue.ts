/** The lazily loaded catalogue (its own webpack chunk); null until it arrives. */
import { useEffect, useState } from "react";
import type { Catalogue } from "../core/catalogue";
import { useServices } from "./services";

export function useCatalogue(): Catalogue | null {
  const { loadCatalogue } = useServices();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadCatalogue()
      .then((c) => !cancelled && setCatalogue(c))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [loadCatalogue]);
  return catalogue;
}
