import "server-only";
import type { Database } from "../../db/client";
import { loadPublishedModel } from "../scoring/published-model";
import { inForceFrom, type InForceThresholds } from "./in-force";

/** The published model's thresholds, or null in a workspace without one (nothing is "in force"). */
export async function loadInForceThresholds(db: Database): Promise<InForceThresholds | null> {
  try {
    return inForceFrom((await loadPublishedModel(db)).definition.thresholds);
  } catch {
    return null;
  }
}
