/** One finding: message in the UI language, expected vs actual, its cells; activating it selects the cells. */
import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/finding";
import { useStrings } from "../i18n";
import { cellLabel } from "../../core/report/group";
import { findingId, findingMessage } from "./findings-model";
import { quickFixFor, type QuickFix } from "./quick-fixes";

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  select: {
    display: "block",
    width: "100%",
    height: "auto",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  badge: { flexShrink: 0, whiteSpace: "nowrap", marginTop: "2px" },
  numbers: { display: "block", color: tokens.colorNeutralForeground2, marginTop: "2px" },
  cells: { display: "block", color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  fix: { marginLeft: tokens.spacingHorizontalS },
});

/** A note on thousands of uncovered codes lists them all; the first ones say where, the count says how many. */
const SHOWN_CELLS = 20;

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function FindingItem(props: { finding: Finding; onSelect: (f: Finding) => void; onFix: (fix: QuickFix) => void }) {
  const { finding: f } = props;
  const { s, lang } = useStrings();
  const styles = useStyles();
  const fix = quickFixFor(f);
  const hasNumbers = f.expected !== undefined || f.actual !== undefined;
  return (
    <li className={styles.item} data-testid="finding" data-finding={findingId(f)} data-severity={f.severity}>
      <Button appearance="subtle" className={styles.select} onClick={() => props.onSelect(f)}>
        <span className={styles.head}>
          <Badge className={styles.badge} appearance="filled" color={BADGE_COLOR[f.severity]} size="small">
            {s.severityOne[f.severity]}
          </Badge>
          <span>{findingMessage(f, lang)}</span>
        </span>
        {hasNumbers && (
          <Caption1 className={styles.numbers}>
            {s.expected} {f.expected ?? "—"} · {s.actual} {f.actual ?? "—"}
          </Caption1>
        )}
        <Caption1 className={styles.cells}>
          {s.cells}: {f.cells.slice(0, SHOWN_CELLS).map(cellLabel).join(", ")}
          {f.cells.length > SHOWN_CELLS ? ` … (+${f.cells.length - SHOWN_CELLS})` : ""}
        </Caption1>
      </Button>
      {fix && (
        <Button size="small" className={styles.fix} onClick={() => props.onFix(fix)}>
          {fix.kind === "name" ? s.fixName : s.fixSum(fix.to.toFixed(2))}
        </Button>
      )}
    </li>
  );
}
