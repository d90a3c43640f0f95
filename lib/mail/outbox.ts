import "server-only";
import type { Actor } from "../auth/actor";
import { can } from "../auth/actor";
import { db } from "../db/client";
import { env } from "../env";

/**
 * Mails caught by the local SMTP catcher; admins only, and only when the catcher runs. An admin
 * sees only mails of the own county: several counties on one installation must not read each
 * other's invitation or manage links.
 */
export async function listCaughtMails(actor: Actor, limit = 100) {
  if (!can(actor, "outbox:read") || !env().MAIL_CATCHER) return [];
  const [users, municipalities] = await Promise.all([
    db().user.findMany({ where: { countyId: actor.countyId }, select: { email: true } }),
    db().municipality.findMany({ where: { countyId: actor.countyId, mailboxEmail: { not: null } }, select: { mailboxEmail: true } }),
  ]);
  const addresses = [...users.map((user) => user.email), ...municipalities.map((municipality) => municipality.mailboxEmail!)];
  return db().caughtMail.findMany({
    // Mails the app tied to this county when queueing them (offer mails go to citizens' addresses),
    // and older ones to the county's own users and mailboxes.
    where: { OR: [{ countyId: actor.countyId }, { countyId: null, envelopeTo: { hasSome: addresses } }] },
    orderBy: { receivedAt: "desc" },
    take: limit,
  });
}
