import { handlers } from "@/lib/auth/auth";
import { guardedFormRoute } from "@/lib/http/request-guard";

// Auth.js checks its own CSRF token; the shared guard adds origin, content type and body size.
export const GET = guardedFormRoute(handlers.GET);
export const POST = guardedFormRoute(handlers.POST);
