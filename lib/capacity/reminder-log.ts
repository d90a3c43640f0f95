import "server-only";
import { type Actor, can } from "../auth/actor";
import { berlinDay } from "../dates";
import { db } from "../db/client";

/** Each municipality's most recent reminder (day in Europe/Berlin), for the /lage flags. */
export async function latestReminders(actor: Actor): Promise<Record<string, string>> {
  if (!can(actor, "evaluation:read")) return {};
  const reminders = await db().stalenessReminder.findMany({
    where: { municipality: { countyId: actor.countyId } },
    orderBy: { sentAt: "desc" },
    distinct: ["municipalityId"],
    select: { municipalityId: true, sentAt: true },
  });
  return Object.fromEntries(reminders.map((reminder) => [reminder.municipalityId, berlinDay(reminder.sentAt)]));
}

/** Who was reminded when: coordinators and admins. */
export async function listReminders(actor: Actor, limit = 200) {
  if (!can(actor, "settings:manage")) return [];
  return db().stalenessReminder.findMany({
    where: { municipality: { countyId: actor.countyId } },
    orderBy: { sentAt: "desc" },
    take: limit,
    include: { municipality: { select: { name: true, slug: true } } },
  });
}
