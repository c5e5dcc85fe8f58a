import { AppShell } from "@/components/app-shell/app-shell";
import { requirePermission } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission();
  return <AppShell user={user}>{children}</AppShell>;
}
