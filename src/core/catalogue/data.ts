/**
 * The built catalogue data (see scripts/build-catalogue.ts). Only load.ts (dynamic import, its own webpack chunk) and
 * sync.ts (static import, CLI and tests) import this module, so the pane's main bundle stays free of it.
 */
import deptEconomic from "./data/dept-economic.json";
import functionData from "./data/function.json";
import govEconomic from "./data/gov-economic.json";
import pairing from "./data/pairing.json";
import revenue from "./data/revenue.json";
import type { CatalogueData, ClassificationData, PairingData } from "./types";

// JSON modules are typed loosely (string[][]); the build script guarantees the tuple shape.
export const catalogueData: CatalogueData = {
  classifications: [functionData, deptEconomic, govEconomic, revenue] as ClassificationData[],
  pairing: pairing as PairingData,
};
