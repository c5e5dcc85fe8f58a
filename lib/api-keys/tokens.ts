import { createHash, randomBytes } from "node:crypto";

/** Keys look like `hk_3Fz…` (43 random base64url characters): recognisable in logs and secret scanners. */
export const API_KEY_PREFIX = "hk_";

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

/**
 * Keys are long random secrets, so a fast hash is enough (unlike passwords there is nothing to
 * brute-force); it lets every request find its key with one indexed lookup.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
