import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../db/client";
import type { Role } from "../db/generated/enums";
import { hashPassword, verifyPassword } from "../auth/password";
import { berlinDay, dayToDate } from "../dates";
import { parseCountyCsv, slugify } from "./county-csv";
import { demoHistory } from "./history";
import { seedDemoLegalTexts, seedDemoOffers } from "./offers";

export const DEMO_COUNTY = { name: "Landkreis Musterland", slug: "musterland" } as const;

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; municipality?: string }[] = [
  { email: "admin@wohnraum.example", name: "Alex Admin", role: "ADMIN" },
  { email: "koordination@wohnraum.example", name: "Kim Koordination", role: "COORDINATOR" },
  { email: "presse@wohnraum.example", name: "Paula Presse", role: "PRESS" },
  { email: "kommune-a@wohnraum.example", name: "Karl Kommune-A", role: "CLERK", municipality: "Kommune A" },
];

/** Weeks of invented history before the reference figures. */
export const DEMO_HISTORY_WEEKS = 12;
export const DEMO_COMMENT = "Demo-Daten";

export const DEMO_CSV_PATH = path.join(process.cwd(), "lib", "demo", "landkreis-musterland.csv");

/**
 * Creates the demo county, its 21 municipalities with the reference reports, one account per
 * role, about 30 demo offers on the board, and example legal texts. Idempotent: what exists is kept; a given password is (re)applied to the demo accounts.
 */
export async function seedDemo(prisma: PrismaClient, options: { password: string; today?: string }) {
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
    // The reference figures are the latest reports, dated today; before them a weekly history.
    const reports = demoHistory(
      row.municipality,
      { reportingDate: today, figures: row.figures, situation: row.situation },
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

  return { countyId: county.id, municipalities: municipalities.size, reportsCreated, offersCreated };
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.county.count()) === 0;
}
