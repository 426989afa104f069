/**
 * `--annotate OUT.xlsx`: a copy of the workbook with the add-in's marks (the shared mark plan,
 * src/core/report/mark-plan.ts): the cell each error/warning names first gets a red or amber fill and a note with
 * message, expected and actual. The copy is the input patched in place (src/xlsx/annotate): every part the marks do
 * not need is byte-identical, a user's note on a marked cell is kept with ours appended.
 */
export { annotateWorkbook } from "../xlsx/annotate/annotate-file";
export { AnnotateError, type AnnotateSummary } from "../xlsx/annotate/annotate-xlsx";
export { annotateOutputProblem } from "../xlsx/annotate/output-target";
