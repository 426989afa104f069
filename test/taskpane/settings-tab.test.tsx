/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { applyProfile, withTolerance } from "../../src/core/profiles";
import { defaultSettings, mergeSettings } from "../../src/taskpane/settings/settings-model";
import { fakeServices, SUM_FINDING } from "./fake-services";
import { renderPane } from "./render-pane";

describe("Settings tab", () => {
  it("loads stored settings and saves each change", async () => {
    const services = fakeServices(undefined, { settings: { year: 2025, unitName: "某某中心", measure: "元" } });
    await renderPane(services, "settings");
    const year = await screen.findByRole("spinbutton", { name: "预算年度" });
    expect(year).toHaveValue(2025);
    expect(screen.getByRole("textbox", { name: "单位名称" })).toHaveValue("某某中心");
    expect(screen.getByRole("radio", { name: "元" })).toBeChecked();

    fireEvent.change(year, { target: { value: "2027" } });
    fireEvent.blur(year);
    await waitFor(() => expect(services.settings.saved.at(-1)?.year).toBe(2027));
    fireEvent.change(year, { target: { value: "27" } });
    fireEvent.blur(year);
    expect(year).toHaveValue(2027);

    const unit = screen.getByRole("textbox", { name: "单位名称" });
    fireEvent.change(unit, { target: { value: "石家庄市社会保险中心" } });
    fireEvent.blur(unit);
    await waitFor(() => expect(services.settings.saved.at(-1)?.unitName).toBe("石家庄市社会保险中心"));
  });

  it("switches the language of the whole pane", async () => {
    const services = fakeServices();
    await renderPane(services, "settings");
    fireEvent.click(await screen.findByRole("radio", { name: "English" }));
    expect(await screen.findByRole("tab", { name: "Settings" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Check" })).toBeInTheDocument();
    await waitFor(() => expect(services.settings.saved.at(-1)?.language).toBe("en"));
  });

  it("tolerance: sum differences within it become info; the check re-runs when it changes", async () => {
    const services = fakeServices();
    await renderPane(services, "settings");
    const before = services.checker.recheckAll.mock.calls.length;
    const tol = screen.getByRole("spinbutton", { name: /容差/ });
    fireEvent.change(tol, { target: { value: "0.01" } });
    fireEvent.keyDown(tol, { key: "Enter" });
    await waitFor(() => expect(services.checker.recheckAll.mock.calls.length).toBe(before + 1));
    expect(services.checkConfig.tolerance).toBe(0.01);
    // The sessions get it in their rule profile, exactly.
    const profile = withTolerance(services.checkConfig.profile, services.checkConfig.tolerance)!;
    expect(profile.tolerance).toBe("0.01");
    expect(applyProfile([SUM_FINDING], profile)[0].severity).toBe("info");
    expect(applyProfile([SUM_FINDING], withTolerance(undefined, 0.001)!)[0].severity).toBe("error");
  });

  it("ignores invalid stored values", () => {
    const base = defaultSettings(new Date("2026-11-23"));
    expect(base.year).toBe(2027);
    const merged = mergeSettings(base, { year: 3, measure: "千元" as never, tolerance: -1, language: "fr" as never, live: false });
    expect(merged).toEqual({ ...base, live: false });
  });
});

describe("rule profiles (issue 9)", () => {
  it("choosing a profile saves it, passes it to the checker's sessions and re-checks", async () => {
    const services = fakeServices();
    await renderPane(services, "settings");
    const before = services.checker.recheckAll.mock.calls.length;
    fireEvent.click(await screen.findByRole("radio", { name: /严格/ }));
    await waitFor(() => expect(services.checker.recheckAll.mock.calls.length).toBe(before + 1));
    expect(services.checkConfig.profile).toEqual({ name: "strict", disabled: [] });
    await waitFor(() => expect(services.settings.saved.at(-1)?.profile).toBe("strict"));
  });

  it("keeps only known profiles and rules from stored settings", () => {
    const base = defaultSettings(new Date("2026-11-23"));
    const merged = mergeSettings(base, { profile: "lenient" as never, disabledRules: ["cross.", "no.such-rule", 3 as never] });
    expect(merged.profile).toBe("default");
    expect(merged.disabledRules).toEqual(["cross."]);
  });
});

describe("year and unit name from the workbook", () => {
  const tables = [
    { sheet: "收支总表", kind: "summary", range: "A1:D30", title: "2024年部门收支预算表", year: 2024, unitName: "某某社会保障中心" },
    { sheet: "支出总表", kind: "expenditure", range: "A1:I23", title: "2024年部门支出预算表", year: 2024, unitName: "某某社会保障中心" },
    { sheet: "三公", kind: "three-public", range: "A1:F12", title: "2023年“三公”经费预算表", year: 2023 },
  ];

  it("with nothing stored, the pane takes the tables' year and unit name (not the clock's next year)", async () => {
    const services = fakeServices({ tables, findings: [] }, { settings: { year: undefined } });
    await renderPane(services, "settings");
    await waitFor(() => expect(screen.getByRole("spinbutton", { name: "预算年度" })).toHaveValue(2024));
    expect(screen.getByRole("textbox", { name: "单位名称" })).toHaveValue("某某社会保障中心");
  });

  it("a stored year and unit name stay the user's", async () => {
    const services = fakeServices({ tables, findings: [] }, { settings: { year: 2026, unitName: "用户填写的单位" } });
    await renderPane(services, "settings");
    await screen.findByRole("spinbutton", { name: "预算年度" });
    await waitFor(() => expect(services.checker.state.result).not.toBeNull());
    expect(screen.getByRole("spinbutton", { name: "预算年度" })).toHaveValue(2026);
    expect(screen.getByRole("textbox", { name: "单位名称" })).toHaveValue("用户填写的单位");
  });

  it("a year the user types is kept when the workbook is checked again", async () => {
    const services = fakeServices({ tables, findings: [] }, { settings: { year: undefined } });
    await renderPane(services, "settings");
    const year = screen.getByRole("spinbutton", { name: "预算年度" });
    await waitFor(() => expect(year).toHaveValue(2024));
    fireEvent.change(year, { target: { value: "2025" } });
    fireEvent.blur(year);
    await waitFor(() => expect(services.settings.saved.at(-1)?.year).toBe(2025));
    await act(async () => services.checker.set({ tables: tables.map((t) => ({ ...t, year: 2022 })), findings: [] }));
    expect(year).toHaveValue(2025);
  });
});
