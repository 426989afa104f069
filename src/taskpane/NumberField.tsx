/** Numeric input shared by Settings and Templates. */
import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";

/** A number field that only commits valid numbers, so half-typed input ("20") never reaches the settings. */
export function NumberField(props: { label: string; value: number; min: number; max: number; step?: number; onCommit: (n: number) => void }) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() !== "" && Number.isFinite(n) && n >= props.min && n <= props.max) props.onCommit(n);
    else setText(String(props.value));
  };
  return (
    <Field label={props.label}>
      <Input
        type="number"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </Field>
  );
}

