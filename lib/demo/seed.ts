import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../db/client";
import type { Role } from "../db/generated/enums";
import { hashPassword, verifyPassword } from "../auth/password";
import { addDays, berlinDay, dayToDate } from "../dates";
import { parseCountyCsv, slugify } from "./county-csv";
import { demoHistory } from "./history";
import { seedDemoBoardPlacements } from "./board-placements";
import { seedDemoHelp } from "./help";
import { seedDemoNeighbours } from "./neighbours";
import { seedDemoRentCeilings } from "./rent-ceilings";
import { seedDemoLegalTexts, seedDemoOffers } from "./offers";

export const DEMO_COUNTY = { name: "Landkreis Musterland", slug: "musterland" } as const;

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; municipality?: string }[] = [
  { email: "admin@wohnraum.example", name: "Alex Admin", role: "ADMIN" },
  { email: "koordination@wohnraum.example", name: "Kim Koordination", role: "COORDINATOR" },
  { email: "presse@wohnraum.example", name: "Paula Presse", role: "PRESS" },
  { email: "kommune-a@wohnraum.example", name: "Karl Kommune-A", role: "CLERK", municipality: "Kommune A" },
  // Two more clerks for inter-municipal help: M is short, R has places to spare.
  { email: "kommune-m@wohnraum.example", name: "Mia Kommune-M", role: "CLERK", municipality: "Kommune M" },
  { email: "kommune-r@wohnraum.example", name: "Rolf Kommune-R", role: "CLERK", municipality: "Kommune R" },
];

/** Weeks of invented history before the reference figures. */
export const DEMO_HISTORY_WEEKS = 12;
export const DEMO_COMMENT = "Demo-Daten";

/**
 * How many days before the seed day each municipality's latest demo report is dated when the
 * dates are spread (npm start): most within the 7-day interval, three overdue, so the overview's
 * overdue list, the reminders and "Unverändert melden" have something to show on the first day.
 * The figures stay the reference county's; only the dates are invented.
 */
export const DEMO_REPORT_AGE_DAYS: Record<string, number> = {
  "Kommune A": 6,
  "Kommune B": 1,
  "Kommune C": 2,
  "Kommune D": 3,
  "Kommune E": 1,
  "Kommune F": 10,
  "Kommune G": 0,
  "Kommune H": 4,
  "Kommune I": 2,
  "Kommune J": 5,
  "Kommune K": 1,
  "Kommune L": 3,
  "Kommune M": 2,
  "Kommune N": 0,
  "Kommune O": 4,
  "Kommune P": 1,
  "Kommune Q": 12,
  "Kommune R": 0,
  "Kommune S": 3,
  "Kommune T": 9,
  "Kommune U": 2,
};

export const DEMO_CSV_PATH = path.join(process.cwd(), "lib", "demo", "landkreis-musterland.csv");

/**
 * Creates the demo county, its 21 municipalities with the reference reports, one account per
 * role (and clerks of Kommune A, M and R), about 30 demo offers on the board, example legal texts and invented neighbours. Idempotent: what exists is kept; a given password is (re)applied to the demo accounts.
 */
export async function seedDemo(prisma: PrismaClient, options: { password: string; today?: string; spreadReportingDates?: boolean }) {
  const today = options.today ?? berlinDay();
  const rows = parseCountyCsv(await readFile(DEMO_CSV_PATH, "utf8"));

  const county = await prisma.county.upsert({
    where: { slug: DEMO_COUNTY.slug },
    update: { isDemo: true },
    create: { ...DEMO_COUNTY, isDemo: true },
  });

  const municipalities = new Map<string, string>();
  for (const row of rows) {
    const slug = slugify(row.municipality);
    const municipality = await prisma.municipality.upsert({
      where: { countyId_slug: { countyId: county.id, slug } },
      update: {},
      create: {
        countyId: county.id,
        name: row.municipality,
        slug,
        mailboxEmail: `wohnraum@${slug}.musterland.example`,
      },
    });
    municipalities.set(row.municipality, municipality.id);
  }

  let reportsCreated = 0;
  for (const row of rows) {
    const municipalityId = municipalities.get(row.municipality)!;
    if ((await prisma.capacityReport.count({ where: { municipalityId } })) > 0) continue;
    // The reference figures are the latest reports (dated the seed day, or spread over the days
    // before it); before them a weekly history.
    const latestDay = options.spreadReportingDates ? addDays(today, -(DEMO_REPORT_AGE_DAYS[row.municipality] ?? 0)) : today;
    const reports = demoHistory(
      row.municipality,
      { reportingDate: latestDay, figures: row.figures, situation: row.situation },
      DEMO_HISTORY_WEEKS,
    );
    const created = await prisma.capacityReport.createMany({
      data: reports.map((report) => ({
        municipalityId,
        reportingDate: dayToDate(report.reportingDate),
        ...report.figures,
        situation: report.situation,
        comment: DEMO_COMMENT,
        // Saved in date order, so the latest reporting date is also the latest saved.
        createdAt: new Date(Date.now() - (DEMO_HISTORY_WEEKS + 1 - reports.indexOf(report)) * 1000),
      })),
    });
    reportsCreated += created.count;
  }

  for (const account of DEMO_ACCOUNTS) {
    const municipalityId = account.municipality ? municipalities.get(account.municipality)! : null;
    const existing = await prisma.user.findUnique({ where: { email: account.email } });
    if (!existing) {
      await prisma.user.create({
        data: {
          ...account,
          municipality: undefined,
          municipalityId,
          countyId: county.id,
          passwordHash: await hashPassword(options.password),
        },
      });
    } else if (!existing.passwordHash || !(await verifyPassword(options.password, existing.passwordHash))) {
      await prisma.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(options.password) } });
    }
  }

  const offersCreated = await seedDemoOffers(prisma, { countyId: county.id });
  await seedDemoLegalTexts(prisma, county.id);
  const neighboursCreated = await seedDemoNeighbours(prisma, county.id, municipalities);
  await seedDemoHelp(prisma, county.id, municipalities, today);
  await seedDemoRentCeilings(prisma, county.id, municipalities);
  await seedDemoBoardPlacements(prisma, county.id, municipalities, today);

  return { countyId: county.id, municipalities: municipalities.size, reportsCreated, offersCreated, neighboursCreated };
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.county.count()) === 0;
}
