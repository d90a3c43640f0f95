/** A configuration problem the operator can fix; printed as one line, without a stack trace. */
export class SetupError extends Error {}

export function describeConnectionError(error: unknown, what: string): string | null {
  const code = (error as { code?: string })?.code;
  const messages: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ENOTFOUND: "host not found",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    "28P01": "password authentication failed",
    "28000": "access denied",
    "3D000": "database does not exist",
  };
  return code && messages[code] ? `Cannot reach ${what}: ${messages[code]}.` : null;
}
