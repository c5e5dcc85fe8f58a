"use client";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { csvLines, UTF8_BOM } from "@/lib/csv/csv-output";

/** Downloads the rows behind a chart as a CSV file, built in the browser from what is shown. */
export function CsvDownloadButton({ fileName, header, rows, label = "Download CSV" }: { fileName: string; header: string[]; rows: unknown[][]; label?: string }) {
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      onClick={() => {
        const blob = new Blob([UTF8_BOM + csvLines([header, ...rows])], { type: "text/csv;charset=utf-8" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = fileName;
        a.click();
        URL.revokeObjectURL(url);
      }}
    >
      <Download /> {label}
    </Button>
  );
}
