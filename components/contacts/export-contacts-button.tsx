import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * Downloads every contact matching the current filters (not only the page shown). A plain link:
 * the browser streams the CSV straight to disk.
 */
export function ExportContactsButton({ values }: { values: Record<string, string> }) {
  const params = new URLSearchParams(values);
  params.delete("cursor");
  params.delete("page");
  return (
    <Button asChild variant="outline" size="sm">
      <a href={`/api/contacts/export${params.size ? `?${params}` : ""}`} download>
        <Download /> Export CSV
      </a>
    </Button>
  );
}
