"use client";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { numberOrNull, splitList } from "./editor-state";

/** A list typed as "a, b, c": keeps what is being typed (a trailing comma) while the model gets the list. */
export function ListInput({ values, onChange, ...props }: { values: string[]; onChange: (values: string[]) => void } & Omit<React.ComponentProps<typeof Input>, "value" | "onChange">) {
  const [text, setText] = useState(values.join(", "));
  useEffect(() => {
    // Follow outside changes (another operator chosen), not the echo of our own typing.
    if (splitList(text).join("\u0000") !== values.join("\u0000")) setText(values.join(", "));
  }, [values]);
  return (
    <Input
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitList(e.target.value));
      }}
    />
  );
}

/** A number input whose empty state is `null` (an open bound, the model's default half-life). */
export function NumberInput({ value, onChange, className, ...props }: { value: number | null; onChange: (value: number | null) => void } & Omit<React.ComponentProps<typeof Input>, "value" | "onChange" | "type">) {
  const [text, setText] = useState(value === null ? "" : String(value));
  useEffect(() => {
    if (numberOrNull(text) !== value) setText(value === null ? "" : String(value));
  }, [value]);
  return (
    <Input
      {...props}
      type="number"
      inputMode="decimal"
      className={cn("tabular-nums", className)}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(numberOrNull(e.target.value));
      }}
    />
  );
}

export function FieldIssue({ message, id }: { message?: string; id?: string }) {
  return message ? (
    <p id={id} role="alert" className="mt-1 text-xs text-destructive">
      {message}
    </p>
  ) : null;
}
