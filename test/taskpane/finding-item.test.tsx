/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import type { Finding } from "../../src/core/finding";
import { FindingItem } from "../../src/taskpane/check/FindingItem";

describe("FindingItem", () => {
  it("a note on thousands of cells shows the first ones and the count, not every address", () => {
    const f: Finding = {
      rule: "catalogue.not-covered",
      severity: "info",
      message: "内置科目表只收录了 213 农林水支出 下的部分科目，5000 处编码无法核对是否存在（2130101）；导入2024年科目表后可核对",
      messageEn: "…",
      cells: Array.from({ length: 5000 }, (_, i) => ({ sheet: "支出表", row: i, col: 0 })),
    };
    render(
      <ul>
        <FindingItem finding={f} onSelect={() => undefined} onFix={() => undefined} />
      </ul>,
    );
    const item = screen.getByTestId("finding");
    expect(item).toHaveTextContent("A20");
    expect(item).toHaveTextContent("(+4980)");
    expect(item.textContent).not.toContain("A21,");
  });
});
