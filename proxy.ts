import { NextResponse, type NextRequest } from "next/server";

// Only a convenience redirect for visitors without a session cookie. Every page, server action
// and route handler checks the session and the permission itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = new URL("/anmelden", request.url);
    url.searchParams.set("weiter", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/uebersicht/:path*", "/kommunen/:path*", "/lage/:path*", "/verwaltung/:path*", "/konto/:path*"],
};
