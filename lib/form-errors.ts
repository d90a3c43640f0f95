import "server-only";
import { logUnavailable } from "./db/log-unavailable";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "./db/unavailable";
import { AppError, GENERIC_ERROR_MESSAGE } from "./errors";
import type { FormState } from "./forms";
import { currentRequestId } from "./http/current-request";
import { logUnexpected } from "./log";

/**
 * What a server action returns for an error: expected errors as they are; anything else is logged
 * with the request id, which the message gives the user to quote ("Fehlernummer").
 */
export async function errorState<R>(error: unknown, values?: Record<string, string>): Promise<FormState<R>> {
  if (error instanceof AppError) {
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  }
  const requestId = await currentRequestId();
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error, requestId);
    return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE, values };
  }
  logUnexpected(error, { requestId, where: "server action" });
  return { status: "error", message: withRequestId(GENERIC_ERROR_MESSAGE, requestId), values };
}

export function withRequestId(message: string, requestId: string | undefined): string {
  return requestId ? `${message} (Fehlernummer: ${requestId})` : message;
}
