"use client";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { csvLines, UTF8_BOM } from "@/lib/csv/csv-output";

/**
 * Downloads the rows of a chart's table as CSV, written in the browser from the very rows the
 * table shows, so the file and the screen never disagree.
 */
export function CsvDownloadButton({ filename, header, rows, label = "CSV" }: { filename: string; header: string[]; rows: (string | number | null)[][]; label?: string }) {
  const download = () => {
    const blob = new Blob([UTF8_BOM + csvLines([header, ...rows])], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button type="button" variant="outline" size="sm" onClick={download} disabled={rows.length === 0} aria-label={`Download ${filename}`}>
      <Download /> {label}
    </Button>
  );
}
