"use client";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { downloadCsv } from "@/lib/csv/download-csv";

/**
 * Downloads the rows of a chart's table as CSV, written in the browser from the very rows the
 * table shows, so the file and the screen never disagree.
 */
export function CsvDownloadButton({ fileName, header, rows, label = "Download CSV" }: { fileName: string; header: string[]; rows: unknown[][]; label?: string }) {
  return (
    <Button type="button" variant="outline" size="sm" onClick={() => downloadCsv(fileName, header, rows)} disabled={rows.length === 0}>
      <Download /> {label}
    </Button>
  );
}
