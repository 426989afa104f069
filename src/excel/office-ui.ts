/** Office's own UI around the workbook: the display language and the dialog the ribbon's Check opens its notice in. */

/** A dialog Office opened: close it, or hear that the user closed it first. */
export interface OfficeDialogHandle {
  close(): void;
  onClosed(handler: () => void): void;
}

/** Office's display language ("zh-CN", "en-US"); undefined where the host does not say. */
export function officeDisplayLanguage(): string | undefined {
  return Office.context.displayLanguage;
}

/** Opens `url` in an Office dialog and reports the handle, or null if Office refused (e.g. another dialog is open). */
export function openOfficeDialog(url: string, done: (dialog: OfficeDialogHandle | null) => void): void {
  Office.context.ui.displayDialogAsync(url, { height: 20, width: 30, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) return done(null);
    const dialog = result.value;
    done({
      close: () => dialog.close(),
      onClosed: (handler) => dialog.addEventHandler(Office.EventType.DialogEventReceived, handler),
    });
  });
}
