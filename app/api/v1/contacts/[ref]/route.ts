import { z } from "zod";
import { getContactProfile } from "@/lib/api/contact-profile";
import { v1Handler } from "@/lib/api/v1-handler";
import { apiError } from "@/lib/http/errors";

const refSchema = z.union([z.uuid().transform((id) => ({ id })), z.email().transform((email) => ({ email }))]);

/** A contact by id or email: profile, account, stage, scores and their breakdown, open MQL record, recent events. */
export const GET = v1Handler("read", async ({ db }, params: { ref: string }) => {
  const ref = refSchema.safeParse(decodeURIComponent(params.ref));
  if (!ref.success) return apiError("bad_request:contact", "Give a contact id (UUID) or an email address.");
  const profile = await getContactProfile(db, ref.data);
  if (!profile) return apiError("not_found:contact", "No contact with that id or email.");
  return Response.json(profile);
});
