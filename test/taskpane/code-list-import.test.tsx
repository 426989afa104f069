/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { browserCodeListStore, memoryCodeListStore, type StoredCodeList } from "../../src/taskpane/settings/code-list-store";
import { fakeServices } from "./fake-services";
import { renderPane } from "./render-pane";

// Browsers (and Office's webviews) have TextDecoder; jsdom does not expose Node's.
Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });

const CSV = "科目编码,科目名称\n213,农林水支出\n21301,农业农村\n2130101,行政运行\n2130104,事业运行\n30101,基本工资\n";

/** A picked file; jsdom's File lacks arrayBuffer(), which every browser the add-in runs in has. */
function picked(name: string, bytes: Uint8Array): File {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

function pick(file: File) {
  fireEvent.change(screen.getByLabelText(/科目表文件/), { target: { files: [file] } });
}

describe("Settings: 导入科目表", () => {
  it("says where lists are kept; imports a CSV for the chosen year, shows what was detected, and checks by it", async () => {
    const store = memoryCodeListStore();
    const services = { ...fakeServices(), codeLists: store };
    await renderPane(services, "settings");
    const section = screen.getByRole("region", { name: "导入科目表" });
    expect(section).toHaveTextContent("只保存在本浏览器中，不会发送到任何地方");
    expect(section).toHaveTextContent("尚未导入科目表");
    const checksBefore = services.checker.recheckAll.mock.calls.length;

    fireEvent.change(within(section).getByRole("combobox", { name: "适用年度" }), { target: { value: "2025" } });
    pick(picked("2025科目.csv", new TextEncoder().encode(CSV)));

    expect(await within(section).findByText(/已导入 2025科目\.csv（2025年）：共 5 个科目/)).toBeInTheDocument();
    expect(section).toHaveTextContent("识别为 支出功能分类 4 个、部门经济分类 1 个");
    const saved = await store.load();
    expect(saved.map((l) => [l.source, l.year, l.codes.length])).toEqual([["2025科目.csv", 2025, 5]]);
    expect(within(within(section).getByRole("list")).getByText(/2025科目\.csv/)).toBeInTheDocument();
    // The check session gets the list: the catalogue knows its codes for 2025, then everything is checked again.
    await waitFor(() => expect(services.checkConfig.catalogue?.lookup("2130104", 2025)?.name).toBe("事业运行"));
    expect(services.checkConfig.imported.map((l) => l.source)).toEqual(["2025科目.csv"]);
    await waitFor(() => expect(services.checker.recheckAll.mock.calls.length).toBeGreaterThan(checksBefore));
  });

  it("reads an .xlsx list with split 类/款/项 columns; a file without codes is one clear error and nothing is stored", async () => {
    const store = memoryCodeListStore();
    await renderPane({ ...fakeServices(), codeLists: store }, "settings");
    const section = screen.getByRole("region", { name: "导入科目表" });

    pick(picked("notes.csv", new TextEncoder().encode("说明\n本表没有科目\n")));
    const error = await within(section).findByText(/notes\.csv 中没有找到科目编码/);
    expect(error.textContent).toContain("no codes found in notes.csv");
    expect(await store.load()).toEqual([]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("科目");
    ws.addRow(["类", "款", "项", "科目名称"]);
    ws.addRow(["208", "", "", "社会保障和就业支出"]);
    ws.addRow(["", "05", "", "行政事业单位养老支出"]);
    ws.addRow(["", "", "05", "机关事业单位基本养老保险缴费支出"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    fireEvent.change(within(section).getByRole("combobox", { name: "适用年度" }), { target: { value: "any" } });
    pick(picked("official.xlsx", bytes));
    expect(await within(section).findByText(/已导入 official\.xlsx（任何年度）：共 3 个科目/)).toBeInTheDocument();
    expect((await store.load()).map((l) => [l.source, l.year])).toEqual([["official.xlsx", undefined]]);
  });

  it("lists the stored lists per year and removes one; the Codes tab says whether search is limited", async () => {
    const any: StoredCodeList = { source: "any.csv", codes: [{ code: "201", name: "一般公共服务支出", classification: "function" }], importedAt: "" };
    const y2026: StoredCodeList = { ...any, source: "2026.csv", year: 2026 };
    const store = memoryCodeListStore([y2026, any]);
    await renderPane({ ...fakeServices(), codeLists: store }, "settings");
    const list = await screen.findByRole("list", { name: /已保存的科目表/ });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent?.split(" · ")[0])).toEqual(["任何年度", "2026年"]);

    fireEvent.click(screen.getByRole("tab", { name: "科目" }));
    expect(await screen.findByTestId("codes-coverage")).toHaveTextContent("按导入的科目表 2026.csv 查找");

    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    fireEvent.click(screen.getByRole("button", { name: "移除2026年的科目表" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    expect((await store.load()).map((l) => l.source)).toEqual(["any.csv"]);
    fireEvent.click(screen.getByRole("button", { name: "移除任何年度的科目表" }));
    expect(await screen.findByText("尚未导入科目表：内置科目表只含部分科目。")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("tab", { name: "科目" }));
    expect(await screen.findByTestId("codes-coverage")).toHaveTextContent("内置科目表只含部分科目，搜索结果可能不全");
  });
});

describe("browserCodeListStore", () => {
  it("keeps one list per year in localStorage, replaces on re-import, drops malformed data", async () => {
    localStorage.clear();
    const store = browserCodeListStore(localStorage);
    const list = (source: string, year?: number): StoredCodeList => ({
      source,
      ...(year !== undefined ? { year } : {}),
      codes: [{ code: "20805", name: "行政事业单位养老支出", classification: "function" }],
      importedAt: "2026-12-01T00:00:00Z",
    });
    await store.save(list("a.csv", 2025));
    await store.save(list("b.csv", 2025));
    await store.save(list("c.csv"));
    const again = browserCodeListStore(localStorage);
    expect((await again.load()).map((l) => [l.source, l.year])).toEqual([
      ["c.csv", undefined],
      ["b.csv", 2025],
    ]);
    await again.remove(2025);
    expect((await again.load()).map((l) => l.source)).toEqual(["c.csv"]);
    localStorage.setItem("budget-checker.imported-code-lists.v1", '[{"source":"x","codes":[{"code":"abc","name":1}]}, 5, "{"]');
    expect(await again.load()).toEqual([]);
    localStorage.setItem("budget-checker.imported-code-lists.v1", "not json");
    expect(await again.load()).toEqual([]);
  });
});
