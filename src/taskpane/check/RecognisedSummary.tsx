/** What the checker recognised: each table's title and where it is. */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { disclosureSet } from "../../core/document/final-set";
import type { TableSummary } from "../../core/finding";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalL },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  where: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
});

export function RecognisedSummary(props: { tables: readonly TableSummary[] }) {
  const { s } = useStrings();
  const styles = useStyles();
  if (props.tables.length === 0) return null;
  // Which set the tables are (预算 or 决算): the rules differ, so the user should see which ones were applied.
  const set = disclosureSet(props.tables.map((t) => t.kind));
  return (
    <section className={styles.root} aria-label={s.recognisedTitle(props.tables.length)} data-testid="recognised">
      <Subtitle2 as="h3">{s.recognisedTitle(props.tables.length)}</Subtitle2>
      {set && (
        <div>
          <Caption1 data-testid="recognised-set">{s.recognisedSet[set]}</Caption1>
        </div>
      )}
      <ul className={styles.list}>
        {props.tables.map((t) => (
          <li key={`${t.sheet}!${t.range}`}>
            {t.title || t.kind} <Caption1 className={styles.where}>{`${t.sheet}!${t.range}`}</Caption1>
            {t.hidden && <Caption1 className={styles.where}>{` (${s.recognisedHidden})`}</Caption1>}
          </li>
        ))}
      </ul>
    </section>
  );
}
