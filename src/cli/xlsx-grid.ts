/** The CLI's file layer is src/xlsx (fflate + saxes, shared with the preview); re-exported so existing imports keep working. */
export { readXlsxFile, readXlsxBuffer } from "../xlsx/read-file";
