import { loadCatalogue } from "../../../src/core/catalogue";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";

describe("loadCatalogue (async, lazily imported data)", () => {
  test("resolves to a catalogue that answers like the sync one, and is cached", async () => {
    const loaded = await loadCatalogue();
    const sync = getCatalogueSync();
    expect(loaded.lookup("2080505", 2023)).toEqual(sync.lookup("2080505", 2023));
    expect(loaded.search("养老", 2024)).toEqual(sync.search("养老", 2024));
    expect(await loadCatalogue()).toBe(loaded);
  });
});
