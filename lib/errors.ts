// Expected errors carry a German message for the user; anything else is logged and shown generically.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  /** The database cannot be reached right now (lib/db/unavailable.ts). */
  | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const forbidden = (message = "Dafür fehlt Ihnen die Berechtigung.") => new AppError("FORBIDDEN", message);
export const notFound = (message = "Nicht gefunden.") => new AppError("NOT_FOUND", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Bitte melden Sie sich an.");

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export const GENERIC_ERROR_MESSAGE = "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.";
