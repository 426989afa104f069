/** The Check tab: run, live switch, marks, severity filters, grouped findings, quick fixes, what was recognised. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Switch,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useReducer } from "react";
import { findingsToCsv, findingsToJson } from "../../core/report/export";
import { a1, type Finding, type FindingCell } from "../../core/finding";
import { useStrings } from "../i18n";
import { markOnce, PANE_FINDINGS_SHOWN } from "../perf-marks";
import { useServices } from "../services";
import { useSettings } from "../settings/settings-context";
import { errorText, useLiveState } from "../use-live-state";
import { checkTabReducer, initialCheckTabState } from "./check-state";
import { CompareWorkbook } from "./CompareWorkbook";
import { ConfirmSumFix } from "./ConfirmSumFix";
import { FindingGroups } from "./FindingGroups";
import { cellLabel, countBySeverity, SEVERITIES } from "../../core/report/group";
import { groupFindings } from "./findings-model";
import { renamedCellText, type QuickFix } from "./quick-fixes";
import { RecognisedSummary } from "./RecognisedSummary";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  filters: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM, flexWrap: "wrap" },
  empty: { marginTop: tokens.spacingVerticalXL, textAlign: "center" },
  notice: { marginTop: tokens.spacingVerticalS },
});

export function CheckTab() {
  const services = useServices();
  const { checker, host } = services;
  const { s, lang } = useStrings();
  const { settings, update } = useSettings();
  const live = useLiveState(checker);
  const [state, dispatch] = useReducer(checkTabReducer, initialCheckTabState);
  const styles = useStyles();

  const result = live.result;
  const counts = countBySeverity(result?.findings ?? []);
  const groups = result ? groupFindings(result, state.filter, lang) : [];
  const busy = live.status === "checking" || live.status === "idle";
  // The first check result (findings, recognised tables) has been committed to the DOM.
  const hasResult = result != null;
  useEffect(() => {
    if (hasResult) markOnce(PANE_FINDINGS_SHOWN);
  }, [hasResult]);

  const report = (e: unknown) => dispatch({ type: "notice", notice: { intent: "error", text: s.errorPrefix + errorText(e, lang) } });

  const selectFinding = (f: Finding) => void host.selectCells(f.cells).catch(report);

  /**
   * After a write, re-check here whether or not live checking is on: Excel does not report the add-in's own writes
   * (triggerSource "ThisLocalAddin" is ignored by the adapter), so no change event would follow.
   */
  const afterWrite = async (cell: string) => {
    await checker.recheckAll();
    dispatch({ type: "notice", notice: { intent: "success", text: s.fixed(cell) } });
  };

  const readCell = async ({ sheet, row, col }: FindingCell) => {
    const [block] = await host.readRanges([{ sheet, range: { top: row, left: col, bottom: row, right: col } }]);
    return { value: block?.values[0]?.[0] ?? null, formula: block?.formulas[0]?.[0] ?? null };
  };

  const fix = async (q: QuickFix) => {
    try {
      const current = await readCell(q.cell);
      if (q.kind === "sum") return dispatch({ type: "confirm-fix", fix: q, formula: current.formula });
      await services.writeCell(q.cell.sheet, a1(q.cell), renamedCellText(current.value, q.from, q.to));
      await afterWrite(cellLabel(q.cell));
    } catch (e) {
      report(e);
    }
  };

  const confirmSum = async () => {
    const p = state.confirming;
    dispatch({ type: "close-confirm" });
    if (!p) return;
    try {
      await services.writeCell(p.cell.sheet, a1(p.cell), p.to);
      await afterWrite(cellLabel(p.cell));
    } catch (e) {
      report(e);
    }
  };

  const toggleMarks = () => void (live.marksShown ? checker.clearMarks() : checker.showMarks()).catch(report);

  return (
    <div>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void checker.recheckAll().catch(report)} disabled={live.status === "checking"}>
          {s.checkNow}
        </Button>
        <Switch label={s.liveCheck} checked={settings.live} onChange={(_, d) => update({ live: d.checked })} />
        <Button onClick={toggleMarks}>{live.marksShown ? s.clearMarks : s.showMarks}</Button>
        <Button disabled={!result} onClick={() => result && download("预算表检查.csv", findingsToCsv(result.findings), "text/csv")}>
          {s.exportCsv}
        </Button>
        <Button
          disabled={!result}
          onClick={() => result && download("预算表检查.json", findingsToJson(result.findings), "application/json")}
        >
          {s.exportJson}
        </Button>
        {busy && <Spinner size="tiny" label={s.checking} />}
      </div>

      <div className={styles.filters} role="group" aria-label={s.filterLabel}>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            checked={state.filter[sev]}
            onClick={() => dispatch({ type: "toggle-severity", severity: sev })}
            data-testid={`filter-${sev}`}
          >
            {s.severity[sev]} {counts[sev]}
          </ToggleButton>
        ))}
      </div>

      {state.notice && (
        <MessageBar className={styles.notice} intent={state.notice.intent}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {live.status === "error" && live.error && (
        <MessageBar className={styles.notice} intent="error">
          <MessageBarBody>{s.errorPrefix + live.error}</MessageBarBody>
        </MessageBar>
      )}

      {result && result.tables.length === 0 && result.findings.length === 0 && (
        <div className={styles.empty} data-testid="no-tables">
          <Subtitle1 as="h2">{s.noTables}</Subtitle1>
          <Text block>{s.noTablesDetail}</Text>
        </div>
      )}
      {result && result.tables.length > 0 && result.findings.length === 0 && (
        <div className={styles.empty} data-testid="no-problems">
          <Subtitle1 as="h2">{s.noProblems}</Subtitle1>
          <Text block>{s.noProblemsDetail}</Text>
        </div>
      )}
      {result && result.findings.length > 0 && groups.length === 0 && <Text block>{s.allFiltered}</Text>}

      <FindingGroups groups={groups} onSelect={selectFinding} onFix={(q) => void fix(q)} />
      <CompareWorkbook />
      {result && <RecognisedSummary tables={result.tables} />}
      <ConfirmSumFix pending={state.confirming} onConfirm={() => void confirmSum()} onCancel={() => dispatch({ type: "close-confirm" })} />
    </div>
  );
}

/** Saves text as a file through the browser (the pane's WebView); nothing leaves the machine. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
