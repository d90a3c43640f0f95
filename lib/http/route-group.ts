// Requests are counted and logged by route group, not by path: paths hold ids and tokens (manage
// links, invitations), and a label per path would grow without bound in the metrics.

export type RouteGroup = "health" | "metrics" | "api-auth" | "api-export" | "api" | "static" | "board" | "sign-in" | "intranet" | "other";

const BOARD = /^\/(?:de|en|uk|ru|ar)(?:\/|$)/;
const SIGN_IN = /^\/(?:anmelden|einladung|passwort-vergessen|passwort-zuruecksetzen)(?:\/|$)/;
const INTRANET = /^\/(?:uebersicht|kommunen|lage|verwaltung|konto|einstellungen|angebote|export|kein-zugriff)(?:\/|$)/;

export function routeGroup(path: string): RouteGroup {
  if (path === "/api/health") return "health";
  if (path === "/api/metrics") return "metrics";
  if (path.startsWith("/api/auth/")) return "api-auth";
  if (path.startsWith("/api/export")) return "api-export";
  if (path === "/api" || path.startsWith("/api/")) return "api";
  if (path.startsWith("/_next/") || path === "/favicon.ico") return "static";
  if (path === "/" || BOARD.test(path)) return "board";
  if (SIGN_IN.test(path)) return "sign-in";
  if (INTRANET.test(path)) return "intranet";
  return "other";
}

// A segment that looks like a token or an id (16+ characters of base64url), e.g. the manage link
// of an offer: the log says where a request went without handing over the link.
const SECRET_LIKE_SEGMENT = /^[A-Za-z0-9_-]{16,}$/;

/** The path as it may be logged: no query string (it can hold addresses), no token segments. */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  return path
    .split("/")
    .map((segment) => (SECRET_LIKE_SEGMENT.test(segment) ? ":id" : segment))
    .join("/")
    .slice(0, 200);
}
