/**
 * The preview page: a toolbar (sample / blank workbook / open .xlsx), the grid of the in-memory workbook, and the
 * real task pane beside it, wired through PreviewHost + LiveChecker exactly as the add-in is wired through Office.
 */
import { useMemo, useRef, useState } from "react";
import { loadCatalogue } from "../core/catalogue";
import type { GridWorkbook } from "../core/grid";
import { LiveChecker } from "../live/live-checker";
import { CheckConfig } from "../taskpane/check-config";
import { PaneRoot } from "../taskpane/PaneRoot";
import type { PaneServices } from "../taskpane/services";
import { localSettingsStore } from "./local-settings-store";
import { PreviewHost } from "./preview-host";
import { SheetGrid } from "./SheetGrid";

export function previewServices(host: PreviewHost, displayLanguage: string): PaneServices {
  // The same check worker as the add-in's (check-worker.js beside preview.html).
  const checkConfig = new CheckConfig({ worker: typeof Worker === "undefined" ? undefined : () => new Worker("check-worker.js") });
  return {
    host,
    checker: new LiveChecker(host, { createSession: checkConfig.sessionFactory }),
    checkConfig,
    loadCatalogue,
    settings: localSettingsStore(),
    writeCell: async (sheet, address, value) => host.setCellValue(sheet, address, value),
    selectionAnchor: async () => {
      const sel = host.selection;
      return { sheet: sel.sheet, row: sel.range.top, col: sel.range.left };
    },
    displayLanguage,
  };
}

export function blankWorkbook(): GridWorkbook {
  return { name: "Book1", sheets: [{ name: "Sheet1", values: [], merges: [] }] };
}

export function PreviewApp(props: {
  initial: GridWorkbook;
  loadSample: () => Promise<GridWorkbook>;
  loadFile: (file: File) => Promise<GridWorkbook>;
  displayLanguage: string;
}) {
  const [workbook, setWorkbook] = useState<{ id: number; wb: GridWorkbook }>({ id: 0, wb: props.initial });
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { host, services } = useMemo(() => {
    const h = new PreviewHost(workbook.wb);
    return { host: h, services: previewServices(h, props.displayLanguage) };
  }, [workbook, props.displayLanguage]);

  const open = async (load: () => Promise<GridWorkbook>) => {
    try {
      setError(null);
      const wb = await load();
      setWorkbook((w) => ({ id: w.id + 1, wb }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="preview">
      <main className="workbook">
        <div className="toolbar">
          <strong>{workbook.wb.name ?? "Workbook"}</strong>
          <button onClick={() => void open(props.loadSample)}>Sample 示例</button>
          <button onClick={() => void open(async () => blankWorkbook())} data-testid="blank-workbook">
            Blank 空白工作簿
          </button>
          <button onClick={() => fileInput.current?.click()}>Open .xlsx 打开…</button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            hidden
            data-testid="open-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void open(() => props.loadFile(f));
              e.target.value = "";
            }}
          />
          {error && <span className="error" role="alert">{error}</span>}
        </div>
        <SheetGrid key={workbook.id} host={host} />
      </main>
      <aside className="pane" aria-label="Task pane">
        <PaneRoot key={workbook.id} services={services} />
      </aside>
    </div>
  );
}
