/** Output language of the CLI: zh-CN with English (default), or one of them alone. */
import type { Severity } from "../core/finding";

export type Lang = "both" | "zh" | "en";

/** Joins the two texts for `lang`: "中文 / English" for both. */
export function say(lang: Lang, zh: string, en: string, sep = " / "): string {
  if (lang === "zh") return zh;
  if (lang === "en") return en;
  return `${zh}${sep}${en}`;
}

const SEVERITY: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

export function severityLabel(lang: Lang, severity: Severity): string {
  const s = SEVERITY[severity];
  return say(lang, s.zh, s.en, " ");
}
