/**
 * Browse the catalogue as a tree: classification → 类 → 款 → 项. Children are looked up only when their parent is
 * opened (the function classification alone has ~1,000 rows). Arrow keys move and open, Enter/Space choose.
 */
import { Caption1, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";
import type { Catalogue, CatalogueEntry } from "../../core/catalogue";
import { useStrings } from "../i18n";
import { CLASSIFICATION_ROOTS } from "./codes-state";

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
});

function rootEntries(catalogue: Catalogue, year: number, digit: string): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (let i = 1; i <= 99; i++) {
    const e = catalogue.lookup(`${digit}${String(i).padStart(2, "0")}`, year);
    if (e) out.push(e);
  }
  return out;
}

export function CodeTree(props: {
  catalogue: Catalogue;
  year: number;
  selected: CatalogueEntry | null;
  onSelect: (e: CatalogueEntry) => void;
}) {
  const { s } = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { catalogue, year } = props;

  const chooseOnKey = (e: KeyboardEvent, entry: CatalogueEntry) => {
    if (e.key === " " || e.key === "Enter") props.onSelect(entry);
  };

  const renderEntry = (entry: CatalogueEntry) => {
    const value = `${entry.classification}:${entry.code}`;
    const children = open.has(value) ? catalogue.children(entry.code, year) : null;
    // Whether a node has children is only asked for open parents' items; 项 (7 digits) of the function
    // classification are leaves, economic 款 (5 digits) are the deepest level the tables use.
    const branch = entry.code.length < 7 && catalogue.children(entry.code, year).length > 0;
    const isSelected = props.selected?.code === entry.code && props.selected.classification === entry.classification;
    return (
      <TreeItem
        key={value}
        value={value}
        itemType={branch ? "branch" : "leaf"}
        onClick={() => props.onSelect(entry)}
        onKeyDown={(e) => chooseOnKey(e, entry)}
        aria-selected={isSelected}
        data-code={entry.code}
      >
        <TreeItemLayout className={isSelected ? styles.selected : undefined}>
          <span className={styles.code}>{entry.code}</span>
          {entry.name}
        </TreeItemLayout>
        {branch && <Tree>{children?.map(renderEntry)}</Tree>}
      </TreeItem>
    );
  };

  return (
    <Tree
      aria-label={s.codesTree}
      openItems={open}
      onOpenChange={(_, d) => {
        const next = new Set(open);
        const v = String(d.value);
        if (d.open) next.add(v);
        else next.delete(v);
        setOpen(next);
      }}
    >
      {CLASSIFICATION_ROOTS.map((r) => {
        const value = `root:${r.classification}`;
        return (
          <TreeItem key={value} value={value} itemType="branch">
            <TreeItemLayout>
              {s.classifications[r.classification]} <Caption1>{`${r.digit}xx`}</Caption1>
            </TreeItemLayout>
            <Tree>{open.has(value) ? rootEntries(catalogue, year, r.digit).map(renderEntry) : null}</Tree>
          </TreeItem>
        );
      })}
    </Tree>
  );
}
