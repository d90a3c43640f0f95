import type { PrismaClient } from "../db/client";
import { addDays, dayToDate } from "../dates";

// Demo data for inter-municipal help (/amtshilfe): one open request with one open offer, so the
// page, the overview's box and the mails have something to show on the first day. No agreed
// placement: the demo's /lage keeps the reference county's figures until someone agrees one.

export async function seedDemoHelp(
  prisma: PrismaClient,
  countyId: string,
  municipalities: Map<string, string>,
  today: string,
): Promise<number> {
  if ((await prisma.helpRequest.count({ where: { countyId } })) > 0) return 0;
  const requester = municipalities.get("Kommune C");
  const host = municipalities.get("Kommune L");
  if (!requester || !host) return 0;
  const coordinator = await prisma.user.findFirst({ where: { countyId, role: "COORDINATOR" }, select: { id: true } });
  const request = await prisma.helpRequest.create({
    data: {
      countyId,
      municipalityId: requester,
      persons: 22,
      composition: "4 Familien, 6 Einzelpersonen",
      neededBy: dayToDate(addDays(today, 14)),
      accommodation: "EITHER",
      comment: "Demo-Daten: Zwei Familien brauchen eine barrierefreie Unterkunft.",
      createdById: coordinator?.id ?? null,
    },
  });
  const offer = await prisma.helpOffer.create({
    data: {
      countyId,
      requestId: request.id,
      municipalityId: host,
      persons: 10,
      accommodation: "SHARED",
      availableFrom: dayToDate(today),
      duration: "TEMPORARY",
      availableUntil: dayToDate(addDays(today, 90)),
      comment: "Demo-Daten: Plätze in der Gemeinschaftsunterkunft am Bahnhof.",
      createdById: coordinator?.id ?? null,
    },
  });
  await prisma.auditEvent.createMany({
    data: [
      {
        countyId,
        actorId: coordinator?.id ?? null,
        action: "help.request.open",
        subjectType: "HelpRequest",
        subjectId: request.id,
        after: { demo: true },
      },
      {
        countyId,
        actorId: coordinator?.id ?? null,
        action: "help.offer.make",
        subjectType: "HelpRequest",
        subjectId: request.id,
        after: { demo: true, offerId: offer.id },
      },
    ],
  });
  return 1;
}
