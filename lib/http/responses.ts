import "server-only";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/unavailable";
import { AppError, GENERIC_ERROR_MESSAGE, HTTP_STATUS } from "../errors";
import { logUnavailable } from "../db/log-unavailable";

/**
 * Route handlers answer expected errors with their status and German message; a database that
 * cannot be reached with 503 and Retry-After; anything else with 500.
 */
export function errorResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error);
    return Response.json(
      { error: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof AppError) {
    return Response.json(
      { error: error.code, message: error.message, fieldErrors: error.fieldErrors },
      { status: HTTP_STATUS[error.code] },
    );
  }
  console.error(error);
  return Response.json({ error: "INTERNAL", message: GENERIC_ERROR_MESSAGE }, { status: 500 });
}
