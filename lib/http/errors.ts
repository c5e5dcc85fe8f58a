/**
 * Errors carry a code `kind:scope` (e.g. `forbidden:queue`, `bad_request:events`); the kind maps
 * to an HTTP status and the body is always `{ error: { code, message } }`. Database errors are
 * logged, never sent to the client.
 */
const STATUS_BY_KIND = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorKind = keyof typeof STATUS_BY_KIND;
export type ErrorCode = `${ErrorKind}:${string}`;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return statusOf(this.code);
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS_BY_KIND[code.split(":")[0] as ErrorKind] ?? 500;
}

export function apiError(code: ErrorCode, message: string, details?: unknown, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status: statusOf(code), headers });
}

/** Turns anything thrown in a route handler into a safe JSON response. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return apiError(error.code, error.message, error.details);
  console.error(error);
  return apiError("internal:server", "Something went wrong on our side. Try again in a moment.");
}
