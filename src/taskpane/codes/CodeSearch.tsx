/** Search box and ranked results; a result is chosen with click, Enter or Space. */
import { Caption1, Field, makeStyles, SearchBox, ToggleButton, tokens } from "@fluentui/react-components";
import type { CatalogueEntry } from "../../core/catalogue";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: `${tokens.spacingVerticalS} 0 0`, padding: 0, maxHeight: "260px", overflowY: "auto" },
  result: { width: "100%", justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular, height: "auto" },
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
  path: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
});

export function CodeSearch(props: {
  query: string;
  results: CatalogueEntry[];
  selected: CatalogueEntry | null;
  onQuery: (q: string) => void;
  onSelect: (e: CatalogueEntry) => void;
}) {
  const { s } = useStrings();
  const styles = useStyles();
  return (
    <div>
      <Field label={s.codesSearchLabel}>
        <SearchBox
          value={props.query}
          placeholder={s.codesSearchPlaceholder}
          onChange={(_, d) => props.onQuery(d.value)}
          data-testid="code-search"
        />
      </Field>
      {props.query.trim() !== "" && props.results.length === 0 && <Caption1>{s.codesNoResults}</Caption1>}
      {props.results.length > 0 && (
        <ul className={styles.list} aria-label={s.codesResults}>
          {props.results.map((e) => (
            <li key={`${e.classification}-${e.code}`}>
              <ToggleButton
                appearance="subtle"
                className={styles.result}
                checked={props.selected?.code === e.code && props.selected.classification === e.classification}
                onClick={() => props.onSelect(e)}
                data-code={e.code}
              >
                <span className={styles.code}>{e.code}</span>
                {e.name}
                {e.path.length > 1 && (
                  <Caption1 className={styles.path}>
                    {e.path
                      .slice(0, -1)
                      .map((p) => p.name)
                      .join(" › ")}
                  </Caption1>
                )}
              </ToggleButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
