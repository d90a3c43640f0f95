import "server-only";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/unavailable";
import { AppError, GENERIC_ERROR_MESSAGE, HTTP_STATUS } from "../errors";
import { logUnavailable } from "../db/log-unavailable";
import { logUnexpected } from "../log";

/**
 * Route handlers answer expected errors with their status and German message; a database that
 * cannot be reached with 503 and Retry-After; anything else with 500 and the request id.
 */
export function errorResponse(error: unknown, requestId?: string): Response {
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error, requestId);
    return Response.json(
      { error: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, requestId },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof AppError) {
    return Response.json(
      { error: error.code, message: error.message, fieldErrors: error.fieldErrors },
      { status: HTTP_STATUS[error.code] },
    );
  }
  logUnexpected(error, { requestId, where: "route handler" });
  // The id lets a caller quote the failure; the X-Request-Id header carries it too.
  return Response.json({ error: "INTERNAL", message: GENERIC_ERROR_MESSAGE, requestId }, { status: 500 });
}
