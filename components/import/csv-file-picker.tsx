"use client";
import { FileSpreadsheet, Loader2 } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils";

/** A file input styled as a drop zone; the input itself stays the accessible control ("CSV file"). */
export function CsvFilePicker({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div>
      <label
        htmlFor="import-file"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) onFile(file);
        }}
        className={cn(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/40",
          dragging ? "border-primary bg-accent/60" : "border-input bg-muted/30 hover:bg-muted/60",
        )}
      >
        {busy ? <Loader2 className="size-6 animate-spin text-muted-foreground" aria-hidden /> : <FileSpreadsheet className="size-6 text-muted-foreground" aria-hidden />}
        <span className="text-sm font-medium">{busy ? "Reading the first rows…" : "Choose a CSV file or drop it here"}</span>
        <span className="text-xs text-muted-foreground">Up to 500 MB. Exports from HubSpot, Salesforce and Marketo are recognised.</span>
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          aria-label="CSV file"
          className="sr-only"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = "";
          }}
        />
      </label>
    </div>
  );
}
