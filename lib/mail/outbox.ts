import "server-only";
import type { Actor } from "../auth/actor";
import { can } from "../auth/actor";
import { db } from "../db/client";
import { env } from "../env";

/** Mails caught by the local SMTP catcher; admins only, and only when the catcher runs. */
export async function listCaughtMails(actor: Actor, limit = 100) {
  if (!can(actor, "outbox:read") || !env().MAIL_CATCHER) return [];
  return db().caughtMail.findMany({ orderBy: { receivedAt: "desc" }, take: limit });
}
