import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <div className="rounded-full bg-muted p-3">
        <SearchX className="size-6 text-muted-foreground" />
      </div>
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="max-w-md text-sm text-muted-foreground">It may have been merged or deleted, or the link is wrong.</p>
      <Button asChild variant="outline">
        <Link href="/">Go to your home page</Link>
      </Button>
    </div>
  );
}
