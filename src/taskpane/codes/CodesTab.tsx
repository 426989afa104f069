/** The Codes tab: search and browse the catalogue for the settings' year, insert the chosen code at the selection. */
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useReducer } from "react";
import type { CodeInsertMode } from "../../host/host";
import { rangeToA1 } from "../../core/address";
import { useStrings } from "../i18n";
import { useServices } from "../services";
import { useSettings } from "../settings/settings-context";
import { useCatalogue } from "../use-catalogue";
import { useCodeLists } from "../settings/code-lists-context";
import { errorText } from "../use-live-state";
import { CodeSearch } from "./CodeSearch";
import { CodeTree } from "./CodeTree";
import { codesReducer, initialCodesState } from "./codes-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  insert: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function CodesTab() {
  const { host } = useServices();
  const { s, lang } = useStrings();
  const { settings } = useSettings();
  const catalogue = useCatalogue();
  const { lists } = useCodeLists();
  const [state, dispatch] = useReducer(codesReducer, initialCodesState);
  const styles = useStyles();

  const results = useMemo(
    () => (catalogue && state.query.trim() !== "" ? catalogue.search(state.query.trim(), settings.year, { limit: 30 }) : []),
    [catalogue, state.query, settings.year],
  );

  if (!catalogue) return <Spinner size="small" label={s.catalogueLoading} />;
  const imported = lists.find((l) => l.year === settings.year) ?? lists.find((l) => l.year === undefined);

  const insert = async () => {
    const e = state.selected;
    if (!e) return dispatch({ type: "notice", notice: { intent: "error", text: s.noCodeSelected } });
    try {
      const r = await host.insertCodes([{ code: e.code, name: e.name }], state.mode);
      dispatch({ type: "notice", notice: { intent: "success", text: s.inserted(`${r.sheet}!${rangeToA1(r.range)}`) } });
    } catch (err) {
      dispatch({ type: "notice", notice: { intent: "error", text: s.errorPrefix + errorText(err, lang) } });
    }
  };

  return (
    <div className={styles.root}>
      <Caption1>{s.codesYear(settings.year, catalogue.resolveYear(settings.year))}</Caption1>
      {/* Without the year's official list, search covers only the built-in subset: say so, and where to import. */}
      <Caption1 data-testid="codes-coverage">
        {imported ? s.codesImported(imported.source) : s.codesLimited}
      </Caption1>
      <CodeSearch
        query={state.query}
        results={results}
        selected={state.selected}
        onQuery={(query) => dispatch({ type: "query", query })}
        onSelect={(entry) => dispatch({ type: "select", entry })}
      />
      <section className={styles.insert} aria-label={s.insertCode}>
        <Text>
          {s.selectedCode}:{" "}
          <strong data-testid="selected-code">{state.selected ? `${state.selected.code} ${state.selected.name}` : "—"}</strong>
        </Text>
        <Field label={s.insertMode}>
          <RadioGroup layout="horizontal" value={state.mode} onChange={(_, d) => dispatch({ type: "mode", mode: d.value as CodeInsertMode })}>
            <Radio value="code+name" label={s.modeCodeName} />
            <Radio value="split" label={s.modeSplit} />
          </RadioGroup>
        </Field>
        <div>
          <Button appearance="primary" onClick={() => void insert()} disabled={!state.selected} data-testid="insert-code">
            {s.insertCode}
          </Button>
        </div>
        {state.notice && (
          <MessageBar intent={state.notice.intent}>
            <MessageBarBody>{state.notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section aria-label={s.codesTree}>
        <Subtitle2 as="h3">{s.codesTree}</Subtitle2>
        <CodeTree
          catalogue={catalogue}
          year={settings.year}
          selected={state.selected}
          onSelect={(entry) => dispatch({ type: "select", entry })}
        />
      </section>
    </div>
  );
}
