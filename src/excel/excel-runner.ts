/** How the Office adapter gets a request context: `Excel.run` in the add-in, a fake context in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const officeRunner: ExcelRunner = (batch) => Excel.run(batch);

/** Run every batch on one injected context (tests; or a long-lived context the caller manages). */
export function contextRunner(context: Excel.RequestContext): ExcelRunner {
  return (batch) => batch(context);
}
