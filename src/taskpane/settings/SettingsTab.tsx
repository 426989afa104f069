/** Settings: year, unit name, 万元/元, tolerance, language, live checking; each change is saved at once. */
import { Field, Input, makeStyles, Radio, RadioGroup, Switch, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useStrings } from "../i18n";
import type { Language } from "../strings";
import { useSettings } from "./settings-context";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "360px" },
});

/** A number field that only commits valid numbers, so half-typed input ("20") never reaches the settings. */
function NumberField(props: { label: string; value: number; min: number; max: number; step?: number; onCommit: (n: number) => void }) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() !== "" && Number.isFinite(n) && n >= props.min && n <= props.max) props.onCommit(n);
    else setText(String(props.value));
  };
  return (
    <Field label={props.label}>
      <Input
        type="number"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </Field>
  );
}

export function SettingsTab() {
  const { s, lang } = useStrings();
  const { settings, update } = useSettings();
  const styles = useStyles();
  const [unitName, setUnitName] = useState(settings.unitName);
  useEffect(() => setUnitName(settings.unitName), [settings.unitName]);
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
      <NumberField label={s.settingsYear} value={settings.year} min={2000} max={2100} onCommit={(year) => update({ year })} />
      <Field label={s.settingsUnitName}>
        <Input
          value={unitName}
          onChange={(_, d) => setUnitName(d.value)}
          onBlur={() => update({ unitName })}
          onKeyDown={(e) => e.key === "Enter" && update({ unitName })}
        />
      </Field>
      <Field label={s.settingsMeasure}>
        <RadioGroup layout="horizontal" value={settings.measure} onChange={(_, d) => update({ measure: d.value as "万元" | "元" })}>
          <Radio value="万元" label={s.measureNames["万元"]} />
          <Radio value="元" label={s.measureNames["元"]} />
        </RadioGroup>
      </Field>
      <NumberField
        label={s.settingsTolerance}
        value={settings.tolerance}
        min={0}
        max={1_000_000}
        step={0.01}
        onCommit={(tolerance) => update({ tolerance })}
      />
      <Field label={s.settingsLanguage}>
        <RadioGroup layout="horizontal" value={settings.language ?? lang} onChange={(_, d) => update({ language: d.value as Language })}>
          <Radio value="zh-CN" label={s.languageNames["zh-CN"]} />
          <Radio value="en" label={s.languageNames.en} />
        </RadioGroup>
      </Field>
      <Switch label={s.settingsLive} checked={settings.live} onChange={(_, d) => update({ live: d.checked })} />
    </form>
  );
}
