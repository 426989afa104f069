/**
 * A short, self-closing notice for a ribbon command. Excel has no notification API for add-in commands, so the
 * notice is a small Office dialog showing commands.html?notice=…; it closes itself after a few seconds and never
 * waits for the user. Office-free: the dialog is opened through an injected function.
 */

/** Long enough to read two short lines. */
export const NOTICE_MS = 4000;
/** If Office never answers displayDialogAsync, give up after this, so the command still completes. */
const OPEN_DEADLINE_MS = 3000;

export interface DialogHandle {
  close(): void;
  /** Called if the user closes the dialog first. */
  onClosed(handler: () => void): void;
}

/** Opens `url` as a dialog and reports the handle, or null if Office refused (e.g. another dialog is open). */
export type OpenDialog = (url: string, done: (dialog: DialogHandle | null) => void) => void;

export const NOTICE_PARAM = "notice";

/** The dialog page is the function file itself with the text as a parameter (same origin, no extra page). */
export function noticeUrl(pageUrl: string, message: string): string {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = "";
  url.searchParams.set(NOTICE_PARAM, message);
  return url.toString();
}

/** Shows the message for `showMs`, then closes; resolves when the notice is gone. Never rejects. */
export function dialogNotifier(
  open: OpenDialog,
  pageUrl: string,
  showMs = NOTICE_MS,
): (message: string) => Promise<void> {
  return (message) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve();
      };
      const deadline = setTimeout(finish, showMs + OPEN_DEADLINE_MS);
      try {
        open(noticeUrl(pageUrl, message), (dialog) => {
          if (!dialog) return finish();
          const autoClose = setTimeout(() => {
            try {
              dialog.close();
            } catch {
              // Already gone: nothing to close.
            }
            finish();
          }, showMs);
          dialog.onClosed(() => {
            clearTimeout(autoClose);
            finish();
          });
        });
      } catch {
        finish();
      }
    });
}

/** In the dialog: put the message in the page as text (never as HTML). Returns false if this is not a notice. */
export function renderNotice(doc: Document, search: string): boolean {
  const message = new URLSearchParams(search).get(NOTICE_PARAM);
  if (message === null) return false;
  const target = doc.getElementById("notice");
  if (target) target.textContent = message;
  return true;
}
