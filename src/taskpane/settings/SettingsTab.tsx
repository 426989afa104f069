/**
 * Settings: year, unit name, 万元/元, tolerance, language, live checking, rule profile (each change is saved at once),
 * and the imported code lists (kept in this browser).
 */
import { Dropdown, Field, Input, makeStyles, Option, Radio, RadioGroup, Switch, tokens } from "@fluentui/react-components";
import { listRules, PROFILE_NAMES, type ProfileName } from "../../core/profiles";
import { NumberField } from "../NumberField";
import { useEffect, useState } from "react";
import { useStrings } from "../i18n";
import type { Language } from "../strings";
import { CodeListImport } from "./CodeListImport";
import { useSettings } from "./settings-context";

const RULES = listRules();

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "360px" },
});

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
      <Field label={s.settingsProfile}>
        <RadioGroup value={settings.profile} onChange={(_, d) => update({ profile: d.value as ProfileName })}>
          {PROFILE_NAMES.map((p) => (
            <Radio key={p} value={p} label={s.profileNames[p]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={s.settingsDisabledRules}>
        <Dropdown
          multiselect
          placeholder={s.settingsDisabledPlaceholder}
          selectedOptions={settings.disabledRules}
          value={settings.disabledRules.join(", ")}
          onOptionSelect={(_, d) => update({ disabledRules: d.selectedOptions })}
        >
          {RULES.map((r) => (
            <Option key={r.id} value={r.id} text={r.id}>
              {`${r.id} · ${lang === "en" ? r.en : r.zh}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <CodeListImport year={settings.year} />
    </form>
  );
}
