/**
 * A contact a model already qualified in this many days before a replayed window was in the
 * funnel already, as it would have been for real, so the replay does not count it as a new MQL
 * of the window.
 */
export const ALREADY_QUALIFIED_DAYS = 90;
