/** The LiveChecker's state as React state. */
import { useSyncExternalStore } from "react";
import type { LiveState } from "../live/live-checker";
import type { PaneChecker } from "./services";

export function useLiveState(checker: PaneChecker): LiveState {
  return useSyncExternalStore(
    (onChange) => {
      const unsubscribe = checker.subscribe(onChange);
      return () => void unsubscribe();
    },
    () => checker.state,
  );
}

/** Errors from hosts are Error objects with zh/en messages (TargetNotEmptyError) or anything else. */
export function errorText(e: unknown, lang: "zh-CN" | "en"): string {
  if (e && typeof e === "object" && "messageEn" in e && lang === "en") return String((e as { messageEn: unknown }).messageEn);
  return e instanceof Error ? e.message : String(e);
}
