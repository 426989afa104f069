/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { TargetNotEmptyError } from "../../src/excel/host";
import { fakeServices } from "./fake-services";
import { renderPane } from "./render-pane";

describe("Templates tab", () => {
  it("inserts the full set, one new sheet per table, titled for the year, totals as formulas", async () => {
    const services = fakeServices(undefined, { settings: { year: 2027, unitName: "测试单位" } });
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("button", { name: "插入整套公开表（9 张）" }));
    expect(await screen.findByText("已插入 9 张表")).toBeInTheDocument();
    const calls = services.host.insertBlock.mock.calls;
    expect(calls).toHaveLength(9);
    expect(calls.every(([, target]) => target === "new-sheet")).toBe(true);
    const [summary] = calls[0];
    expect(summary.title).toBe("收支总表");
    expect(summary.values[0][0]).toBe("2027年单位预算收支总表");
    expect(summary.values[1][0]).toBe("测试单位");
    expect(summary.values.flat().some((v) => typeof v === "string" && v.startsWith("=SUM("))).toBe(true);
    expect(summary.merges?.length).toBeGreaterThan(0);
  });

  it("offers the 决算 set: its nine tables and the full set in the 上海 layout", async () => {
    const services = fakeServices(undefined, { settings: { year: 2024, unitName: "测试单位" } });
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "决算" }));
    expect(screen.getByRole("button", { name: "插入 一般公共预算财政拨款基本支出决算表" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "插入 单位预算收支总表" })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "插入整套公开表（9 张）" }));
    expect(await screen.findByText("已插入 9 张表")).toBeInTheDocument();
    const calls = services.host.insertBlock.mock.calls;
    expect(calls.map(([b]) => b.title)).toEqual([
      "收入支出决算总表",
      "收入决算表",
      "支出决算表",
      "财政拨款收入支出决算总表",
      "一般公共预算财政拨款支出决算表",
      "一般公共预算财政拨款基本支出决算表",
      "财政拨款“三公”经费支出决算表",
      "政府性基金预算财政拨款收入支出决算表",
      "国有资本经营预算财政拨款收入支出决算表",
    ]);
    expect(calls[0][0].values[1]).toEqual(expect.arrayContaining(["编制单位：测试单位", "2024年度"]));
    fireEvent.click(screen.getByRole("button", { name: "插入 收入决算表" }));
    await waitFor(() => expect(calls).toHaveLength(10));
    expect(calls[9][0].values[0][0]).toBe("收入决算表");
  });

  it("inserts one table at the selection with formulas pointing at its real cells", async () => {
    const services = fakeServices();
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "所选位置" }));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收支总表" }));
    await waitFor(() => expect(services.host.insertBlock).toHaveBeenCalledTimes(1));
    const [block, target] = services.host.insertBlock.mock.calls[0];
    expect(target).toBe("selection");
    // The anchor is B4 (row 3, col 1): the first amount column C of an A1 block is D here.
    const formulas = block.values.flat().filter((v): v is string => typeof v === "string" && v.startsWith("="));
    expect(formulas[0]).toMatch(/^=SUM\(D\d+:D\d+\)$/);
  });

  it("shows the host's refusal and changes the unit of measure", async () => {
    const services = fakeServices();
    services.host.insertBlock.mockRejectedValueOnce(new TargetNotEmptyError("Sheet1", "B4:F42"));
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "元" }));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收入总表" }));
    expect(await screen.findByText(/目标区域 Sheet1!B4:F42 不为空/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收入总表" }));
    await waitFor(() => expect(services.host.insertBlock).toHaveBeenCalledTimes(2));
    expect(services.host.insertBlock.mock.calls[1][0].values.flat()).toContain("单位：元");
    await waitFor(() => expect(services.settings.saved.at(-1)?.measure).toBe("元"));
  });

  it("uses the year chosen in the tab (saved as the settings' year)", async () => {
    const services = fakeServices();
    await renderPane(services, "templates");
    const year = await screen.findByRole("spinbutton", { name: "预算年度" });
    fireEvent.change(year, { target: { value: "2028" } });
    fireEvent.keyDown(year, { key: "Enter" });
    await waitFor(() => expect(services.settings.saved.at(-1)?.year).toBe(2028));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算支出总表" }));
    await waitFor(() => expect(services.host.insertBlock).toHaveBeenCalledTimes(1));
    expect(services.host.insertBlock.mock.calls[0][0].values[0][0]).toBe("2028年单位预算支出总表");
  });
});
