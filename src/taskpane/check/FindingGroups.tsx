/** Findings grouped by table (title, sheet!range), then by rule. */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/finding";
import { useStrings } from "../i18n";
import type { TableGroupView } from "./findings-model";
import { findingId } from "./findings-model";
import { FindingItem } from "./FindingItem";
import type { QuickFix } from "./quick-fixes";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0 },
  group: { marginTop: tokens.spacingVerticalM },
  where: { display: "block", color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  rule: { display: "block", marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

export function FindingGroups(props: {
  groups: TableGroupView[];
  onSelect: (f: Finding) => void;
  onFix: (fix: QuickFix) => void;
}) {
  const { s } = useStrings();
  const styles = useStyles();
  return (
    <div>
      {props.groups.map((g) => (
        <section key={g.key} className={styles.group} aria-label={g.table ? g.table.title : s.workbookLevel}>
          <Subtitle2 as="h3">
            {g.table ? g.table.title || g.table.sheet : s.workbookLevel}
            <Caption1 className={styles.where}>
              {g.table ? `${g.table.sheet}!${g.table.range} · ${s.findingCount(g.count)}` : s.findingCount(g.count)}
            </Caption1>
          </Subtitle2>
          {g.rules.map((r) => (
            <div key={r.rule}>
              <Caption1 as="h4" className={styles.rule}>
                {r.title} ({r.findings.length})
              </Caption1>
              <ul className={styles.list}>
                {r.findings.map((f) => (
                  <FindingItem key={findingId(f)} finding={f} onSelect={props.onSelect} onFix={props.onFix} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
