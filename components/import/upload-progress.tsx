"use client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { formatBytes } from "./format-progress";

/** While the file travels to the server; the import itself starts once it has all arrived. */
export function UploadProgress({ fileName, sent, total, onCancel }: { fileName: string; sent: number; total: number; onCancel: () => void }) {
  const percent = total > 0 ? Math.round((sent / total) * 100) : 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="truncate">Uploading {fileName}</CardTitle>
        <CardDescription>The import starts as soon as the whole file has arrived.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <Progress value={percent} aria-label="Upload progress" />
        <div className="flex items-center justify-between text-sm text-muted-foreground">
          <span className="tabular-nums">
            {formatBytes(sent)} of {formatBytes(total)} · {percent}%
          </span>
          <Button variant="ghost" size="sm" onClick={onCancel} disabled={percent >= 100}>
            Cancel upload
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
