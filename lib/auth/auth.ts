import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db/client";
import { env } from "../env";
import { clientAddress } from "../http/client-address";
import { verifyCredentials } from "./credentials";
import { isSessionOpen, revokeUserSession } from "./user-sessions";
import { recordAudit } from "../audit/record";
import { logger } from "../log";
import { isDatabaseUnavailable } from "../db/unavailable";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}
class BusySignIn extends CredentialsSignin {
  code = "busy";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // The cookie's own lifetime; the session row's absolute end (SESSION_MAX_HOURS) is checked on every request.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/anmelden", error: "/anmelden" },
  logger: {
    // A wrong password is an expected outcome, not an error worth a log line each time.
    error(error) {
      if (error.name !== "CredentialsSignin" && !(error instanceof CredentialsSignin)) logger.error({ err: error }, "auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "E-Mail" }, password: { label: "Passwort", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const result = await verifyCredentials(db(), { email, password, ipAddress: clientAddress(request.headers) });
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignIn();
          if (result.reason === "busy") throw new BusySignIn();
          return null;
        }
        return { id: result.userId, sessionId: result.sessionId, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
        token.sessionVersion = user.sessionVersion ?? 0;
        return token;
      }
      // Every later read (also GET /api/auth/session, which renews the cookie) first asks the
      // server: a signed-out, expired or superseded session is not renewed but ended.
      if (!token.sid) return null;
      try {
        if (!(await isSessionOpen(db(), token.sid))) return null;
      } catch (error) {
        // Auth.js would take a throw for a broken token and delete the cookie: a database outage
        // would sign everybody out. Unchecked, the token grants nothing: every request reads the
        // session row itself (lib/auth/session.ts), and that read reports the outage.
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      return token;
    },
    session({ session, token }) {
      // Only ids travel in the token; role, municipality, the active flag and whether the session
      // still stands are read from the database on every request (lib/auth/session.ts).
      if (token.sub) session.user = { ...session.user, id: token.sub };
      session.sessionId = typeof token.sid === "string" ? token.sid : "";
      session.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : -1;
      return session;
    },
  },
  events: {
    // Both the app's "Abmelden" and Auth.js's own POST /api/auth/signout end up here.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sid) return;
      await revokeUserSession(db(), token.sid);
      const user = token.sub ? await db().user.findUnique({ where: { id: token.sub }, select: { id: true, countyId: true } }) : null;
      if (user) {
        await recordAudit(db(), {
          countyId: user.countyId,
          actorId: user.id,
          action: "auth.sign-out",
          subjectType: "User",
          subjectId: user.id,
        });
      }
    },
  },
}));

/** The client's address for the request being handled (server actions, pages). */
export async function requestClientAddress(): Promise<string> {
  return clientAddress(await headers());
}
