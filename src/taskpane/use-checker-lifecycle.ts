/**
 * Starts the live checker once settings and the catalogue are ready, follows the live switch (start = listen to
 * the host, stop = only "check now"), and re-checks when the tolerance or the rule profile changes. The catalogue is awaited before the
 * first check so the user does not see code findings arrive in a second wave; if it fails to load, checks run
 * without the code rules. Imported code lists are laid over the catalogue; when they change, everything is re-checked.
 */
import { useEffect, useRef, useState } from "react";
import type { ImportedList } from "../core/catalogue";
import type { RuleProfile } from "../core/profiles";
import type { PaneServices } from "./services";

const NO_LISTS: readonly ImportedList[] = [];

export function useCheckerLifecycle(
  services: PaneServices,
  ready: boolean,
  live: boolean,
  tolerance: number,
  profile: RuleProfile = { name: "default" },
  imported: readonly ImportedList[] = NO_LISTS,
): { catalogueReady: boolean } {
  const [catalogueSettled, setCatalogueSettled] = useState(false);
  const started = useRef(false);
  const prevLive = useRef(live);

  useEffect(() => {
    let cancelled = false;
    services
      .loadCatalogue(imported)
      .then((c) => {
        if (cancelled) return;
        services.checkConfig.catalogue = c;
        services.checkConfig.imported = imported;
        // A list imported or removed after the first check: check again by it.
        if (started.current) void services.checker.recheckAll().catch(() => undefined);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setCatalogueSettled(true);
      });
    return () => {
      cancelled = true;
    };
  }, [services, imported]);

  useEffect(() => {
    if (!ready || !catalogueSettled) return;
    const { checker, checkConfig } = services;
    const first = !started.current;
    // The rules in force changed: tolerance, profile or switched-off rules.
    const toleranceChanged =
      checkConfig.tolerance !== tolerance || JSON.stringify(checkConfig.profile ?? null) !== JSON.stringify(profile);
    const liveChanged = prevLive.current !== live;
    checkConfig.tolerance = tolerance;
    checkConfig.profile = profile;
    started.current = true;
    prevLive.current = live;
    // start() re-reads and re-checks everything itself.
    if (live) {
      if (first || liveChanged || toleranceChanged) void checker.start().catch(() => undefined);
      return;
    }
    if (liveChanged && !first) void checker.stop();
    if (first || toleranceChanged) void checker.recheckAll().catch(() => undefined);
  }, [services, ready, catalogueSettled, live, tolerance, profile]);

  // The checker outlives nothing: stop listening to the host when the pane goes away (preview reloads a workbook).
  useEffect(() => () => void services.checker.stop(), [services]);

  return { catalogueReady: catalogueSettled };
}
