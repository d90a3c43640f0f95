import type { PrismaClient } from "../db/client";
import { evaluateAsOf } from "../capacity/latest-reports";
import { addDays, berlinDay, dayToDate, formatDay } from "../dates";
import type { MailMessage } from "../mail/message";

// The daily reminder: the clerks of every municipality whose latest report is older than the
// county's interval get an e-mail with a link to the prefilled form, at most once per interval.

export interface ReminderDependencies {
  prisma: PrismaClient;
  queueMail: (message: MailMessage) => Promise<void>;
  appUrl: string;
  now?: Date;
}

export function reminderMail(options: {
  to: string;
  name: string;
  municipality: string;
  latest: string | null;
  link: string;
  intervalDays: number;
}): MailMessage {
  return {
    to: options.to,
    subject: `Bitte aktualisieren: Meldung für ${options.municipality}`,
    text: [
      `Guten Tag ${options.name},`,
      "",
      options.latest
        ? `die letzte Meldung für ${options.municipality} ist vom ${formatDay(options.latest)} und damit älter als ${options.intervalDays} Tage.`
        : `für ${options.municipality} liegt noch keine Meldung vor.`,
      "Bitte aktualisieren Sie die Zahlen; das Formular ist mit der letzten Meldung vorausgefüllt:",
      "",
      options.link,
      "",
      "Vielen Dank! Mit aktuellen Zahlen sieht der Landkreis, wo Plätze fehlen und wo geholfen werden kann.",
    ].join("\n"),
  };
}

export async function sendStalenessReminders(deps: ReminderDependencies): Promise<{ municipality: string; recipients: string[] }[]> {
  const now = deps.now ?? new Date();
  const today = berlinDay(now);
  const sent: { municipality: string; recipients: string[] }[] = [];
  const counties = await deps.prisma.county.findMany({ select: { id: true, reportingIntervalDays: true } });

  for (const county of counties) {
    // The same evaluation as /lage: who is stale today.
    const [evaluation] = await evaluateAsOf(deps.prisma, [county.id], [today], county.reportingIntervalDays);
    for (const municipality of evaluation!.rows.filter((row) => row.stale)) {
      const latest = municipality.reportingDate;
      const mails = await deps.prisma.$transaction(async (tx) => {
        // Two instances running the job at once: the second waits here and then sees the reminder.
        await tx.$queryRaw`SELECT id FROM municipality WHERE id = ${municipality.municipalityId} FOR UPDATE`;
        // Calendar days in Europe/Berlin: a job that runs a second later than a week ago still reminds.
        const last = await tx.stalenessReminder.findFirst({
          where: { municipalityId: municipality.municipalityId },
          orderBy: { sentAt: "desc" },
        });
        if (last && addDays(berlinDay(last.sentAt), county.reportingIntervalDays) > today) return null;
        const clerks = await tx.user.findMany({
          where: { municipalityId: municipality.municipalityId, role: "CLERK", active: true },
          select: { email: true, name: true },
        });
        await tx.stalenessReminder.create({
          data: {
            municipalityId: municipality.municipalityId,
            sentAt: now,
            recipients: clerks.map((clerk) => clerk.email),
            latestReportingDate: latest ? dayToDate(latest) : null,
          },
        });
        return clerks.map((clerk) =>
          reminderMail({
            to: clerk.email,
            name: clerk.name,
            municipality: municipality.name,
            latest,
            link: `${deps.appUrl}/kommunen/${municipality.slug}/meldung`,
            intervalDays: county.reportingIntervalDays,
          }),
        );
      });
      if (!mails) continue;
      for (const mail of mails) await deps.queueMail(mail);
      sent.push({ municipality: municipality.slug, recipients: mails.map((mail) => String(mail.to)) });
    }
  }
  return sent;
}
