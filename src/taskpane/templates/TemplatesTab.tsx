/** The Templates tab: the full set or any single standard table, for the chosen year and unit, in one click. */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { finalTemplateKinds, templateKinds, type BlockKind } from "../../core/templates";
import type { BlockTarget, TableBlock } from "../../host/host";
import { fullSetBlocks, tableBlock } from "../../host/template-block";
import type { Notice } from "../check/check-state";
import { useStrings } from "../i18n";
import { NumberField } from "../NumberField";
import { useServices } from "../services";
import { useSettings } from "../settings/settings-context";
import type { Measure } from "../settings/settings-model";
import { errorText } from "../use-live-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  options: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function TemplatesTab() {
  const services = useServices();
  const { s, lang } = useStrings();
  const { settings, update } = useSettings();
  const [target, setTarget] = useState<BlockTarget>("new-sheet");
  const [set, setSet] = useState<"budget" | "final">("budget");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const styles = useStyles();
  const options = { year: settings.year, unitName: settings.unitName, measure: settings.measure };

  const insertAll = async (blocks: () => Promise<TableBlock[]>, blockTarget: BlockTarget) => {
    setBusy(true);
    setNotice(null);
    try {
      const list = await blocks();
      // One at a time: each insert is one host round trip and the host refuses a block over existing data.
      for (const b of list) await services.host.insertBlock(b, blockTarget);
      setNotice({ intent: "success", text: s.templatesInserted(list.length) });
    } catch (e) {
      setNotice({ intent: "error", text: s.errorPrefix + errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  // The host renders the block's formulas for where it lands (the selection's top-left cell, or A1 of a new sheet).
  const insertOne = (kind: BlockKind) =>
    insertAll(async () => [tableBlock(kind, options)], target === "selection" && services.selectionAnchor ? "selection" : "new-sheet");

  return (
    <div className={styles.root}>
      <Text>{s.templatesIntro}</Text>
      <div className={styles.options}>
        <NumberField label={s.templatesYear} value={settings.year} min={2000} max={2100} onCommit={(year) => update({ year })} />
        <Field label={s.templatesSet}>
          <RadioGroup layout="horizontal" value={set} onChange={(_, d) => setSet(d.value as "budget" | "final")} data-testid="template-set">
            <Radio value="budget" label={s.setNames.budget} />
            <Radio value="final" label={s.setNames.final} />
          </RadioGroup>
        </Field>
        <Field label={s.templatesMeasure}>
          <RadioGroup layout="horizontal" value={settings.measure} onChange={(_, d) => update({ measure: d.value as Measure })}>
            <Radio value="万元" label={s.measureNames["万元"]} />
            <Radio value="元" label={s.measureNames["元"]} />
          </RadioGroup>
        </Field>
        {services.selectionAnchor && (
          <Field label={s.templatesTarget}>
            <RadioGroup layout="horizontal" value={target} onChange={(_, d) => setTarget(d.value as BlockTarget)}>
              <Radio value="new-sheet" label={s.targetNewSheet} />
              <Radio value="selection" label={s.targetSelection} />
            </RadioGroup>
          </Field>
        )}
      </div>
      <div>
        <Button
          appearance="primary"
          disabled={busy}
          data-testid="insert-full-set"
          onClick={() => void insertAll(async () => fullSetBlocks(options, set), "new-sheet")}
        >
          {s.insertFullSet}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {(set === "final" ? finalTemplateKinds() : templateKinds()).map((k) => {
          const title = lang === "zh-CN" ? k.titleZh : k.titleEn;
          return (
            <li key={k.kind} className={styles.row}>
              <Text>{title}</Text>
              <Button size="small" disabled={busy} onClick={() => void insertOne(k.kind)} aria-label={`${s.insertTable} ${title}`}>
                {s.insertTable}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
