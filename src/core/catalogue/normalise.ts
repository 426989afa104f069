/** Name normalisation: published tables vary in spacing, bracket width and punctuation, not in meaning. */

const BRACKETS: Record<string, string> = { "[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")" };

/**
 * Canonical form of a subject name: NFKC (full-width → half-width, so "（" becomes "("), every kind of bracket as
 * round brackets, and no whitespace, quotes or list punctuation (、，,.。·;；:：).
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[[\]【】〔〕［］]/g, (ch) => BRACKETS[ch] ?? ch)
    .replace(/[\s\u3000"'“”‘’、，,.。·;；:：]/g, "");
}

/** Leading list markers such as "一、", "(一)", "1." and "其中：" that summary tables put before names. */
const LIST_MARKER = /^\s*(其中\s*:?|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])/;

const markerless = new Map<string, string>();

/**
 * Normalised name without a leading list marker (matched before punctuation is dropped). Memoised (bounded): a
 * workbook repeats its few thousand subject names across every unit, and each is compared with its catalogue name.
 */
function withoutMarker(name: string): string {
  let out = markerless.get(name);
  if (out === undefined) {
    out = normaliseName(name.normalize("NFKC").replace(LIST_MARKER, ""));
    if (markerless.size < 20_000) markerless.set(name, out);
  }
  return out;
}

/**
 * True when a published name means the catalogue name: equal after normalisation, ignoring a leading list marker and
 * a trailing "支出" (the official lists themselves write e.g. "其他…" with and without it).
 */
export function namesMatch(published: string, official: string): boolean {
  const a = withoutMarker(published);
  const b = withoutMarker(official);
  return a === b || a.replace(/支出$/, "") === b.replace(/支出$/, "");
}
