"use client";
import { X } from "lucide-react";
import { useId, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A list of values as removable chips, typed freely or picked from suggestions (a native
 * datalist of values seen in the data). Enter, Tab or a comma adds what was typed; so does
 * leaving the field, so a value typed just before "Save" is not lost. Duplicates are ignored
 * regardless of case, as routing compares them.
 */
export function ValuesInput({
  id,
  values,
  onChange,
  suggestions,
  placeholder,
  invalid,
  describedBy,
}: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions: string[];
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  const taken = new Set(values.map((v) => v.toLowerCase()));

  function add(raw: string) {
    const parts = raw.split(",").map((p) => p.trim().replace(/\s+/g, " ")).filter(Boolean);
    const next = [...values];
    for (const part of parts) {
      if (next.some((v) => v.toLowerCase() === part.toLowerCase())) continue;
      next.push(part);
    }
    if (next.length !== values.length) onChange(next);
    setDraft("");
  }

  return (
    <div
      className={cn(
        "flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-md border border-input bg-card px-2 py-1.5 shadow-sm transition-colors focus-within:ring-2 focus-within:ring-ring/40",
        invalid && "border-destructive",
      )}
    >
      {values.map((value) => (
        <span key={value} className="inline-flex items-center gap-1 rounded-full bg-accent py-0.5 pl-2.5 pr-1 text-xs font-medium text-accent-foreground">
          {value}
          <button
            type="button"
            onClick={() => onChange(values.filter((v) => v !== value))}
            className="rounded-full p-0.5 text-accent-foreground/70 transition-colors hover:bg-primary/15 hover:text-accent-foreground"
            aria-label={`Remove ${value}`}
          >
            <X className="size-3" />
          </button>
        </span>
      ))}
      <input
        id={id}
        list={listId}
        value={draft}
        placeholder={values.length ? undefined : placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        className="h-6 min-w-32 flex-1 bg-transparent px-1 text-sm outline-none placeholder:text-muted-foreground"
        onChange={(e) => {
          // Picking a suggestion from the datalist fills the whole value at once: take it.
          const value = e.target.value;
          if (value.includes(",")) add(value);
          else setDraft(value);
        }}
        onKeyDown={(e) => {
          if ((e.key === "Enter" || (e.key === "Tab" && draft.trim())) && !e.nativeEvent.isComposing) {
            if (draft.trim() || e.key === "Enter") e.preventDefault();
            add(draft);
          } else if (e.key === "Backspace" && draft === "" && values.length) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={() => add(draft)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !taken.has(s.toLowerCase()))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
