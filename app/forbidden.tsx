import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <div className="rounded-full bg-destructive/10 p-3">
        <ShieldAlert className="size-6 text-destructive" />
      </div>
      <h1 className="text-lg font-semibold">You don&apos;t have access to this page</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        Your role doesn&apos;t include it. If you need it, ask an admin of your workspace.
      </p>
      <Button asChild variant="outline">
        <Link href="/">Go to your home page</Link>
      </Button>
    </div>
  );
}
