/** The bell shows this many of a user's newest notifications; its unread count covers them all. */
export const BELL_LIMIT = 20;
