import "server-only";
import { AppError, GENERIC_ERROR_MESSAGE, HTTP_STATUS } from "../errors";

/** Route handlers answer expected errors with their status and German message; others with 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: error.code, message: error.message, fieldErrors: error.fieldErrors },
      { status: HTTP_STATUS[error.code] },
    );
  }
  console.error(error);
  return Response.json({ error: "INTERNAL", message: GENERIC_ERROR_MESSAGE }, { status: 500 });
}
