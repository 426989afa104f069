/** Confirmation before a total is overwritten: which cell, from what to what, and whether a formula is lost. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { cellLabel } from "../../core/report/group";
import type { CheckTabState } from "./check-state";

export function ConfirmSumFix(props: {
  pending: CheckTabState["confirming"];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { s } = useStrings();
  const p = props.pending;
  return (
    <Dialog open={p !== null} onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent>
            {p && <p>{s.confirmBody(cellLabel(p.cell), p.from || "—", p.to.toFixed(2))}</p>}
            {p?.formula && <p>{s.confirmFormula(p.formula)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {s.confirm}
            </Button>
            <Button onClick={props.onCancel}>{s.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
