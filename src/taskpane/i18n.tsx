/** The UI language, chosen in settings or taken from Office; components read their text through useStrings(). */
import { createContext, useContext } from "react";
import { STRINGS, type Language, type Strings } from "./strings";

export const LanguageContext = createContext<Language>("zh-CN");

export function useStrings(): { s: Strings; lang: Language } {
  const lang = useContext(LanguageContext);
  return { s: STRINGS[lang], lang };
}
