/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor } from "@testing-library/react";
import "./render-pane";

/** The add-in entry renders nothing until Office is ready, then the pane in Office's display language. */
describe("office-entry", () => {
  const saved: unknown[] = [];
  let ready: (() => void) | undefined;

  beforeEach(() => {
    document.body.innerHTML = '<div id="container"></div>';
    Object.assign(globalThis, {
      Office: {
        onReady: (cb: () => void) => {
          ready = cb;
          return Promise.resolve();
        },
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
        context: {
          displayLanguage: "en-US",
          requirements: { isSetSupported: () => true },
          document: {
            settings: {
              get: () => ({ live: false, year: 2026 }),
              set: (_key: string, value: unknown) => saved.push(value),
              saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
            },
          },
        },
      },
      // No workbook here: every Excel.run fails, and the pane must say so instead of crashing.
      Excel: { run: async () => Promise.reject(new Error("Excel is not available in this test")) },
    });
  });

  it("waits for Office.onReady, then renders the pane with the document's settings", async () => {
    // Same module registry as the test's React, so act() covers the entry's root.
    await import("../../src/taskpane/office-entry");
    expect(document.getElementById("container")).toBeEmptyDOMElement();
    expect(ready).toBeDefined();
    await act(async () => ready?.());
    expect(await screen.findByRole("tab", { name: "Check" })).toBeInTheDocument();
    expect(await screen.findByText("Error: Excel is not available in this test")).toBeInTheDocument();
    expect(screen.getByRole("switch", { name: "Live checking" })).not.toBeChecked();
    await waitFor(() => expect(screen.getByRole("button", { name: "Check now" })).toBeEnabled());
  });
});
