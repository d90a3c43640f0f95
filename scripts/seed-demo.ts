// `npm run seed:demo`: creates (or completes) the demo county in DATABASE_URL or the embedded database.
import { generatePassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db/client";
import { DEMO_ACCOUNTS, seedDemo } from "../lib/demo/seed";
import { migrate, openDatabase, persistedSecret } from "../lib/platform/database-setup";
import { log, runCli } from "./cli";

runCli(async () => {
  const database = await openDatabase(log);
  try {
    await migrate(database.url, log);
    const password =
      process.env.DEMO_PASSWORD ||
      (database.embedded ? await persistedSecret("demo-password", () => generatePassword(12)) : generatePassword(12));
    const prisma = createPrismaClient(database.url);
    try {
      const result = await seedDemo(prisma, { password, spreadReportingDates: true });
      log(`Demo county ready: ${result.municipalities} municipalities, ${result.reportsCreated} new reports.`);
      log(`Demo accounts (${DEMO_ACCOUNTS.map((account) => account.email).join(", ")}), password ${password}`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
