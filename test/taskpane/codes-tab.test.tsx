/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { loadCatalogue } from "../../src/core/catalogue";
import { TargetNotEmptyError } from "../../src/excel/host";
import type { StoredCodeList } from "../../src/taskpane/settings/code-list-store";
import { fakeServices } from "./fake-services";
import { renderPane } from "./render-pane";

async function search(text: string) {
  const box = await screen.findByRole("searchbox");
  fireEvent.change(box, { target: { value: text } });
}

describe("Codes tab", () => {
  it("finds codes by name, code and pinyin initials for the settings' year", async () => {
    await renderPane(fakeServices(), "codes");
    expect(await screen.findByText("2026年科目")).toBeInTheDocument();
    await search("养老");
    expect(screen.getByRole("button", { name: /2080505\s*机关事业单位基本养老保险缴费支出/ })).toBeInTheDocument();
    await search("2080505");
    expect(screen.getAllByRole("button", { name: /^2080505/ })).toHaveLength(1);
    await search("jgsydw");
    expect(screen.getAllByRole("list", { name: "搜索结果" })[0]).toHaveTextContent("机关事业单位");
    await search("没有这种科目");
    expect(screen.getByText("没有匹配的科目")).toBeInTheDocument();
  });

  it("inserts code + name, or split columns, at the selection through the host", async () => {
    const services = fakeServices();
    await renderPane(services, "codes");
    await search("养老");
    fireEvent.click(screen.getByRole("button", { name: /^2080505/ }));
    expect(screen.getByTestId("selected-code")).toHaveTextContent("2080505 机关事业单位基本养老保险缴费支出");
    fireEvent.click(screen.getByRole("button", { name: "在所选位置插入" }));
    await waitFor(() =>
      expect(services.host.insertCodes).toHaveBeenCalledWith([{ code: "2080505", name: "机关事业单位基本养老保险缴费支出" }], "code+name"),
    );
    expect(await screen.findByText("已插入到 Sheet1!B3")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "类 / 款 / 项 分列" }));
    fireEvent.click(screen.getByRole("button", { name: "在所选位置插入" }));
    await waitFor(() => expect(services.host.insertCodes).toHaveBeenLastCalledWith(expect.any(Array), "split"));
  });

  it("shows the host's refusal when the selection holds data", async () => {
    const services = fakeServices();
    services.host.insertCodes.mockRejectedValueOnce(new TargetNotEmptyError("收支总表", "A1"));
    await renderPane(services, "codes");
    await search("2080505");
    fireEvent.click(screen.getByRole("button", { name: /^2080505/ }));
    fireEvent.click(screen.getByRole("button", { name: "在所选位置插入" }));
    expect(await screen.findByText(/目标区域 收支总表!A1 不为空，未插入任何内容/)).toBeInTheDocument();
  });

  it("browses 类 / 款 / 项 as a tree and chooses from it", async () => {
    const services = fakeServices();
    await renderPane(services, "codes");
    const tree = await screen.findByRole("tree", { name: "浏览科目" });
    fireEvent.click(within(tree).getByText("支出功能分类"));
    fireEvent.click(await within(tree).findByText("社会保障和就业支出"));
    fireEvent.click(await within(tree).findByText("行政事业单位养老支出"));
    const leaf = await within(tree).findByText("机关事业单位基本养老保险缴费支出");
    fireEvent.click(leaf);
    expect(screen.getByTestId("selected-code")).toHaveTextContent("2080505 机关事业单位基本养老保险缴费支出");
  });

  /**
   * A list imported in Settings: 社会工作事务 (not in the built-in data) and 2080505 under the name a later list gives
   * it. The pane's own loader (office-entry's loadCatalogue), not the fake's.
   */
  const IMPORTED: StoredCodeList = {
    source: "科目表.xlsx",
    importedAt: "2026-12-01T00:00:00Z",
    codes: [
      { code: "201", name: "一般公共服务支出", classification: "function" },
      { code: "20139", name: "社会工作事务", classification: "function" },
      { code: "2013902", name: "一般行政管理事务", classification: "function" },
      { code: "2080505", name: "机关事业单位职业年金缴费支出", classification: "function" },
    ],
  };

  it("finds imported names by pinyin initials as it finds the built-in ones", async () => {
    await renderPane({ ...fakeServices(undefined, { codeLists: [IMPORTED] }), loadCatalogue }, "codes");
    expect(await screen.findByText("2026年科目")).toBeInTheDocument();
    const results = () => screen.getAllByRole("list", { name: "搜索结果" })[0];
    await search("shgzsw");
    await waitFor(() => expect(within(results()).getByRole("button", { name: /^20139\s*社会工作事务/ })).toBeInTheDocument());
    await search("zynjjf");
    expect(within(results()).getByRole("button", { name: /^2080505\s*机关事业单位职业年金缴费支出/ })).toBeInTheDocument();
    // The initials follow the imported name, not the built-in one it replaces (机关事业单位基本养老保险缴费支出).
    await search("jbylbxjf");
    expect(screen.queryByRole("button", { name: /^2080505/ })).toBeNull();
    // Built-in names keep theirs.
    await search("jgsydw");
    expect(results()).toHaveTextContent("机关事业单位");
  });
});
