import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { forbidden, unauthenticated } from "../errors";
import type { Actor, Permission } from "./actor";
import { can, toActor } from "./actor";
import { auth } from "./auth";

/**
 * The acting user, read from the database on every request: a deactivated user, one whose
 * password was changed or reset, or whose role changed, is affected by the next request, not
 * when the token expires.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !session.sessionId) return null;
  // The session row must stand: not signed out, not past its absolute end (SESSION_MAX_HOURS),
  // for an active user whose password was not changed or reset since (session version).
  const row = await db().userSession.findFirst({
    where: {
      id: session.sessionId,
      userId: id,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      user: { active: true, sessionVersion: session.sessionVersion },
    },
    include: { user: true },
  });
  return row ? toActor(row.user) : null;
});

/** For pages: sends anonymous visitors to the sign-in page. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/anmelden");
  if (actor.mustChangePassword) redirect("/konto/passwort");
  if (permission && !can(actor, permission)) redirect("/kein-zugriff");
  return actor;
}

/** For server actions and route handlers: throws typed errors instead of redirecting. */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated();
  // Until a one-time password is replaced, the account may do nothing but replace it.
  if (permission && actor.mustChangePassword) throw forbidden("Bitte legen Sie zuerst ein eigenes Passwort fest.");
  if (permission && !can(actor, permission)) throw forbidden();
  return actor;
}
