/** Renders the real pane over fake services and waits until settings are loaded and the first check is shown. */
import { render, screen, waitFor } from "@testing-library/react";
import { PaneRoot, type TabId } from "../../src/taskpane/PaneRoot";
import type { FakeServices } from "./fake-services";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size for layout only.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window))
  Object.assign(window, { ResizeObserver: NoopResizeObserver });

export async function renderPane(services: FakeServices, initialTab?: TabId) {
  const view = render(<PaneRoot services={services} initialTab={initialTab} />);
  await waitFor(() => expect(services.checker.recheckAll.mock.calls.length + services.checker.start.mock.calls.length).toBeGreaterThan(0));
  await screen.findAllByRole("tab");
  return view;
}
