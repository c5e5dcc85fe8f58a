import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export default async function Home() {
  const user = await requirePermission();
  redirect(homePathFor(user.role));
}
