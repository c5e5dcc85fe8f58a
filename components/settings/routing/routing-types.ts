/** What the routing settings' client components receive from the page: plain, serialisable data. */

export type RepOption = { id: string; name: string; role: "sdr" | "sales" | "admin"; roleLabel: string; statusLabel: string; available: boolean };

export type TerritoryOption = { id: string; name: string; memberCount: number; availableCount: number };

export type ConditionSuggestions = { regions: string[]; countries: string[]; industries: string[] };
