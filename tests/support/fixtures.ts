import { toActor, type Actor } from "../../lib/auth/actor";
import { db } from "../../lib/db/client";
import { seedDemo } from "../../lib/demo/seed";
import { addDays, berlinDay } from "../../lib/dates";

export const DEMO_PASSWORD = "demo-password-for-tests";
/** The demo seed dates the reference reports to this day (yesterday, so tests may add today's). */
export const SEED_DAY = addDays(berlinDay(), -1);

/** The demo county in the test file's database, with the actors of its demo accounts. */
export async function seedDemoCounty() {
  const result = await seedDemo(db(), { password: DEMO_PASSWORD, today: SEED_DAY });
  const users = await db().user.findMany();
  const actor = (email: string): Actor => {
    const user = users.find((candidate) => candidate.email === email);
    if (!user) throw new Error(`no demo user ${email}`);
    return toActor(user);
  };
  return {
    ...result,
    admin: actor("admin@wohnraum.example"),
    coordinator: actor("koordination@wohnraum.example"),
    press: actor("presse@wohnraum.example"),
    clerkA: actor("kommune-a@wohnraum.example"),
    clerkM: actor("kommune-m@wohnraum.example"),
    clerkR: actor("kommune-r@wohnraum.example"),
  };
}
