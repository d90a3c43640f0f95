import "server-only";
import type { Actor } from "../auth/actor";
import { can } from "../auth/actor";
import { db } from "../db/client";
import { env } from "../env";

/**
 * Mails caught by the local SMTP catcher; admins only, and only when the catcher runs. An admin
 * sees only mails to addresses of the own county (its users and municipal mailboxes): several
 * counties on one installation must not read each other's invitation links.
 */
export async function listCaughtMails(actor: Actor, limit = 100) {
  if (!can(actor, "outbox:read") || !env().MAIL_CATCHER) return [];
  const [users, municipalities] = await Promise.all([
    db().user.findMany({ where: { countyId: actor.countyId }, select: { email: true } }),
    db().municipality.findMany({ where: { countyId: actor.countyId, mailboxEmail: { not: null } }, select: { mailboxEmail: true } }),
  ]);
  const addresses = [...users.map((user) => user.email), ...municipalities.map((municipality) => municipality.mailboxEmail!)];
  return db().caughtMail.findMany({
    where: { envelopeTo: { hasSome: addresses } },
    orderBy: { receivedAt: "desc" },
    take: limit,
  });
}
