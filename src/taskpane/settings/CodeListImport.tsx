/**
 * 导入科目表 in Settings: pick the official list (.xlsx/.csv) for a year (or any year), see what was detected, keep it
 * in this browser, remove it. The parser is loaded only when a file is picked.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { useStrings } from "../i18n";
import type { Strings } from "../strings";
import { classificationCounts, type StoredCodeList } from "./code-list-store";
import { useCodeLists } from "./code-lists-context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

const ANY = "any";

function summary(s: Strings, list: StoredCodeList): string {
  return s.codeListCounts(classificationCounts(list).map((c) => s.codeListCount(s.classifications[c.classification], c.count)));
}

export function CodeListImport(props: { year: number }) {
  const { s } = useStrings();
  const { lists, save, remove } = useCodeLists();
  const styles = useStyles();
  const fileId = useId();
  const [yearChoice, setYearChoice] = useState<string>(String(props.year));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string; detail?: string } | null>(null);
  const years = [props.year - 2, props.year - 1, props.year, props.year + 1];

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setNotice(null);
    try {
      const { readCodeList } = await import(/* webpackChunkName: "code-list" */ "./read-code-list");
      const parsed = await readCodeList(file);
      const year = yearChoice === ANY ? undefined : Number(yearChoice);
      const list: StoredCodeList = {
        source: parsed.source,
        ...(year !== undefined ? { year } : {}),
        codes: parsed.codes.map(({ code, name, classification }) => ({ code, name, classification })),
        importedAt: new Date().toISOString(),
      };
      await save(list);
      setNotice({
        intent: "success",
        text: s.codeListSaved(list.source, s.codeListYearLabel(year), list.codes.length),
        detail: summary(s, list),
      });
    } catch (e) {
      setNotice({ intent: "error", text: s.errorPrefix + (e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
      input.value = ""; // picking the same file again (after editing it) fires a change again
    }
  };

  return (
    <section className={styles.root} aria-label={s.codeListsTitle}>
      <Subtitle2 as="h3">{s.codeListsTitle}</Subtitle2>
      <Caption1>{s.codeListsHelp}</Caption1>
      <Field label={s.codeListYear}>
        <Select value={yearChoice} onChange={(_, d) => setYearChoice(d.value)}>
          <option value={ANY}>{s.codeListAnyYear}</option>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {s.codeListYearLabel(y)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={{ children: s.codeListFile, htmlFor: fileId }}>
        <input
          id={fileId}
          type="file"
          accept=".xlsx,.xls,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={busy}
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </Field>
      {busy && <Spinner size="tiny" label={s.codeListReading} />}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.text}
            {notice.detail && <div>{notice.detail}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {lists.length === 0 ? (
        <Body1>{s.codeListNone}</Body1>
      ) : (
        <>
          <Body1>{s.codeListStored}</Body1>
          <ul className={styles.list} aria-label={s.codeListStored}>
            {lists.map((l) => {
              const yearLabel = s.codeListYearLabel(l.year);
              return (
                <li key={l.year ?? ANY} className={styles.item}>
                  <span>
                    <strong>{yearLabel}</strong> · {l.source} · {summary(s, l)}
                  </span>
                  <Button size="small" onClick={() => void remove(l.year)} aria-label={s.codeListRemove(yearLabel)}>
                    ×
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
