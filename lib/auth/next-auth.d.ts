import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionId?: string;
    sessionVersion?: number;
  }
  interface Session {
    /** The server-side session row (lib/auth/user-sessions.ts); revoked at sign-out. */
    sessionId: string;
    /** Must equal the user's current session version, or the session is void. */
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    sessionVersion?: number;
  }
}
