import { logger } from "../log";

/**
 * One line for a database that cannot be reached: the error's type and code, never its message,
 * which names host, port and user of the connection (lib/log.ts serializeError).
 */
export function logUnavailable(error: unknown, requestId?: string): void {
  logger.error({ err: error, requestId }, "database unavailable");
}
