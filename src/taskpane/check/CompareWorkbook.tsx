/**
 * "Compare with another workbook…": the user picks .xlsx files (the 预算 for this 决算, or the units of this
 * department); the open workbook and those files go through the CLI's cross-workbook rules, and their findings are
 * listed here, naming cells in both files. Selecting one selects its cells in this workbook. Nothing is uploaded:
 * the files are read in the pane.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Finding } from "../../core/finding";
import type { GridWorkbook } from "../../core/grid";
import { compareGrids } from "../../core/workbooks/compare-grids";
import { useStrings } from "../i18n";
import { useServices } from "../services";
import { FindingItem } from "./FindingItem";
import { errorText } from "../use-live-state";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0 },
});

type State =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; files: string[]; findings: Finding[] }
  | { status: "error"; text: string };

async function defaultReader(data: ArrayBuffer, name: string): Promise<GridWorkbook> {
  const { gridFromXlsx } = await import(/* webpackChunkName: "xlsx" */ "../../preview/load-xlsx");
  return gridFromXlsx(data, name);
}

function bytesOf(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

export function CompareWorkbook() {
  const services = useServices();
  const { s, lang } = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ status: "idle" });

  const compare = async (files: File[]) => {
    if (files.length === 0) return;
    setState({ status: "busy" });
    try {
      const read = services.readWorkbookFile ?? defaultReader;
      const others = await Promise.all(files.map(async (f) => ({ file: f.name, grid: await read(await bytesOf(f), f.name) })));
      const current = await services.host.readWorkbook();
      const findings = compareGrids({ file: s.thisWorkbook, grid: current }, others, { profile: services.checkConfig.profile });
      setState({ status: "done", files: files.map((f) => f.name), findings });
    } catch (e) {
      setState({ status: "error", text: s.errorPrefix + errorText(e, lang) });
    }
  };

  // Only this workbook's cells can be selected; the other file's are named in the message and the cell list.
  const select = (f: Finding) => {
    const here = f.cells.filter((c) => c.file === s.thisWorkbook).map((c) => ({ sheet: c.sheet, row: c.row, col: c.col }));
    if (here.length > 0) void services.host.selectCells(here).catch((e: unknown) => setState({ status: "error", text: s.errorPrefix + errorText(e, lang) }));
  };

  return (
    <div className={styles.section}>
      <Button onClick={() => input.current?.click()} disabled={state.status === "busy"}>
        {s.compareWith}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        hidden
        data-testid="compare-file"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          void compare(files);
        }}
      />
      {state.status === "busy" && <Spinner size="tiny" label={s.comparing} />}
      {state.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && (
        <section className={styles.section} aria-label={s.compareTitle(state.files.join("、"))} data-testid="compare-results">
          <Subtitle2 as="h3">{s.compareTitle(state.files.join("、"))}</Subtitle2>
          {state.findings.length === 0 ? (
            <Text block>{s.compareNone}</Text>
          ) : (
            <ul className={styles.list}>
              {state.findings.map((f, i) => (
                <FindingItem key={i} finding={f} onSelect={select} onFix={() => undefined} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
