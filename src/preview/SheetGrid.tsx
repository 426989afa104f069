/**
 * A plain rendered grid of the memory host's workbook: sheet tabs, cells with the add-in's marks (from the host's
 * mark plan), the selection, and in-place editing (double-click, Enter, F2 or typing; Enter commits, Esc cancels),
 * which goes through host.setCellValue exactly like a user edit in Excel.
 */
import { useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { rangeToA1, toA1 } from "../core/address";
import type { PreviewHost } from "./preview-host";
import { columnLetters, displayText, editText, isSelected, mergeLayout, parseTyped, visibleExtent } from "./grid-model";

interface Editing {
  row: number;
  col: number;
  text: string;
}

export function SheetGrid(props: { host: PreviewHost }) {
  const { host } = props;
  useSyncExternalStore(
    (l) => host.subscribeView(l),
    () => host.viewVersion,
  );
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The edit being shown; Enter and the blur that follows unmounting the input must not commit twice.
  const current = useRef<Editing | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const setEditing = (e: Editing | null) => {
    current.current = e;
    setEditingState(e);
  };
  const selection = host.selection;
  const sheet = host.workbook.sheets.find((s) => s.name === selection.sheet) ?? host.workbook.sheets[0];
  if (!sheet) return null;
  const { rows, cols } = visibleExtent(sheet);
  const layout = mergeLayout(sheet.merges);
  const active = { row: selection.range.top, col: selection.range.left };

  const select = (row: number, col: number) => host.select(sheet.name, toA1(row, col));
  const commit = (e: Editing) => {
    if (current.current === null) return;
    setEditing(null);
    scroller.current?.focus();
    if (e.text !== editText(sheet, e.row, e.col)) host.setCellValue(sheet.name, toA1(e.row, e.col), parseTyped(e.text));
    select(Math.min(e.row + 1, rows - 1), e.col);
  };

  const onGridKey = (e: KeyboardEvent) => {
    if (editing) return;
    const move = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
    if (move) {
      e.preventDefault();
      select(Math.max(0, Math.min(rows - 1, active.row + move[0])), Math.max(0, Math.min(cols - 1, active.col + move[1])));
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      setEditing({ ...active, text: editText(sheet, active.row, active.col) });
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      host.setCellValue(sheet.name, toA1(active.row, active.col), null);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ ...active, text: e.key });
    }
  };

  return (
    <div className="grid-wrap">
      <div className="name-box" data-testid="selection">{`${sheet.name}!${rangeToA1(selection.range)}`}</div>
      <div className="sheet-tabs" role="tablist" aria-label="Sheets">
        {host.workbook.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === sheet.name}
            className={s.name === sheet.name ? "sheet-tab active" : "sheet-tab"}
            onClick={() => host.select(s.name, "A1")}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll" ref={scroller} tabIndex={0} onKeyDown={onGridKey} aria-label={`Sheet ${sheet.name}`} data-testid="grid">
        <table className="grid" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r},${c}`;
                  if (layout.covered.has(key)) return null;
                  const address = toA1(r, c);
                  const mark = host.markAt(sheet.name, address);
                  const span = layout.spans.get(key);
                  const classes = ["cell"];
                  if (mark) classes.push(`mark-${mark.severity}`);
                  if (isSelected(selection.range, r, c)) classes.push("selected");
                  if (r === active.row && c === active.col) classes.push("active");
                  const isEditing = editing?.row === r && editing.col === c;
                  return (
                    <td
                      key={c}
                      className={classes.join(" ")}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      data-address={address}
                      title={mark?.note || undefined}
                      onMouseDown={() => !isEditing && select(r, c)}
                      onDoubleClick={() => setEditing({ row: r, col: c, text: editText(sheet, r, c) })}
                    >
                      {isEditing ? (
                        <input
                          className="cell-input"
                          autoFocus
                          aria-label={`${sheet.name}!${address}`}
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onBlur={() => commit(editing)}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") commit(editing);
                            else if (e.key === "Escape") {
                              setEditing(null);
                              scroller.current?.focus();
                            }
                            e.stopPropagation();
                          }}
                        />
                      ) : (
                        displayText(sheet, r, c)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
