import { beforeAll, describe, expect, it } from "vitest";
import { toActor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { createUserSession } from "../../lib/auth/user-sessions";
import { verifyCredentials } from "../../lib/auth/credentials";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { acceptInvite, changeOwnPassword, createUser, resetUserAccess, setUserActive } from "../../lib/users/service";
import { seedDemoCounty } from "../support/fixtures";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: AppError) => error.code ?? String(error),
  );

describe("user administration", () => {
  it("only admins manage users (the service refuses everybody else)", async () => {
    const input = { name: "Neu", email: "neu@example.org", role: "PRESS", onboarding: "password" };
    for (const actor of [demo.clerkA, demo.coordinator, demo.press]) {
      expect(await code(createUser(actor, input))).toBe("FORBIDDEN");
      expect(await code(setUserActive(actor, demo.press.id, false))).toBe("FORBIDDEN");
      expect(await code(resetUserAccess(actor, demo.press.id, "password"))).toBe("FORBIDDEN");
    }
    expect(await db().user.count({ where: { email: "neu@example.org" } })).toBe(0);
  });

  it("creates a clerk with a one-time password that must be replaced", async () => {
    const kommuneC = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-c" } });
    const handover = await createUser(demo.admin, {
      name: "Clara Clerk",
      email: "Clara@Kommune-C.example",
      role: "CLERK",
      municipalityId: kommuneC.id,
      onboarding: "password",
    });
    expect(handover.oneTimePassword).toMatch(/^\w{14}$/);
    const user = await db().user.findUniqueOrThrow({ where: { email: "clara@kommune-c.example" } });
    expect(user).toMatchObject({ role: "CLERK", municipalityId: kommuneC.id, mustChangePassword: true });
    expect((await verifyCredentials(db(), { email: user.email, password: handover.oneTimePassword!, ipAddress: "x" })).ok).toBe(true);

    const actor = { ...demo.clerkA, id: user.id, email: user.email, municipalityId: kommuneC.id, mustChangePassword: true };
    expect(
      await code(
        changeOwnPassword(actor, { currentPassword: "falsch", password: "ein-neues-passwort", passwordRepeat: "ein-neues-passwort" }),
      ),
    ).toBe("VALIDATION");
    await changeOwnPassword(actor, {
      currentPassword: handover.oneTimePassword,
      password: "ein-neues-passwort",
      passwordRepeat: "ein-neues-passwort",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });

  it("requires a municipality for clerks and refuses one of another county", async () => {
    expect(await code(createUser(demo.admin, { name: "Ohne", email: "ohne@example.org", role: "CLERK", onboarding: "password" }))).toBe(
      "VALIDATION",
    );
    const other = await db().county.create({ data: { name: "Landkreis Fremd", slug: "fremd" } });
    const foreign = await db().municipality.create({ data: { countyId: other.id, name: "Fremdort", slug: "fremdort" } });
    expect(
      await code(
        createUser(demo.admin, {
          name: "Fremd",
          email: "fremd@example.org",
          role: "CLERK",
          municipalityId: foreign.id,
          onboarding: "password",
        }),
      ),
    ).toBe("VALIDATION");
    expect(await db().user.count({ where: { email: { in: ["ohne@example.org", "fremd@example.org"] } } })).toBe(0);
  });

  it("refuses a second account with the same e-mail, with one answer that does not tell in which county it exists", async () => {
    const error = await createUser(demo.admin, {
      name: "Doppelt",
      email: "PRESSE@wohnraum.example",
      role: "PRESS",
      onboarding: "password",
    }).catch((caught: AppError) => caught);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).fieldErrors?.email?.[0]).toContain("kein neues Konto");

    // An admin of another county gets exactly the same answer for this county's address.
    const other = await db().county.create({ data: { name: "Landkreis Anders", slug: "anders" } });
    const otherAdmin = toActor(
      await db().user.create({ data: { email: "admin@anders.example", name: "Anders", role: "ADMIN", countyId: other.id } }),
    );
    const fromElsewhere = await createUser(otherAdmin, {
      name: "Doppelt",
      email: "presse@wohnraum.example",
      role: "PRESS",
      onboarding: "password",
    }).catch((caught: AppError) => caught);
    expect({
      code: (fromElsewhere as AppError).code,
      message: (fromElsewhere as AppError).message,
      fieldErrors: (fromElsewhere as AppError).fieldErrors,
    }).toEqual({
      code: (error as AppError).code,
      message: (error as AppError).message,
      fieldErrors: (error as AppError).fieldErrors,
    });
    expect(JSON.stringify((fromElsewhere as AppError).fieldErrors)).not.toMatch(/Musterland|vergeben|existiert/);
  });

  it("invites by a single-use link that is mailed through the job queue", async () => {
    const handover = await createUser(demo.admin, {
      name: "Ina Invite",
      email: "ina@example.org",
      role: "COORDINATOR",
      onboarding: "invite",
    });
    expect(handover.inviteLink).toMatch(/^http:\/\/localhost:3999\/einladung\/[\w-]{43}$/);
    const token = handover.inviteLink!.split("/").pop()!;
    // Only the token's hash is stored.
    expect(await db().userToken.count({ where: { tokenHash: token } })).toBe(0);

    const jobs = await db().$queryRaw<{ data: { to: string; text: string } }[]>`SELECT data FROM pgboss.job WHERE name = 'mail-send'`;
    expect(jobs.some((job) => job.data.to === "ina@example.org" && job.data.text.includes(handover.inviteLink!))).toBe(true);

    expect(await code(acceptInvite(token, { password: "kurz", passwordRepeat: "kurz" }))).toBe("VALIDATION");
    await acceptInvite(token, { password: "mein-langes-passwort", passwordRepeat: "mein-langes-passwort" });
    expect((await verifyCredentials(db(), { email: "ina@example.org", password: "mein-langes-passwort", ipAddress: "x" })).ok).toBe(true);
    expect(await code(acceptInvite(token, { password: "noch-ein-passwort", passwordRepeat: "noch-ein-passwort" }))).toBe("NOT_FOUND");
  });

  it("a new invite link makes the old one useless", async () => {
    const first = await createUser(demo.admin, { name: "Otto", email: "otto@example.org", role: "PRESS", onboarding: "invite" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "otto@example.org" } });
    const second = await resetUserAccess(demo.admin, user.id, "invite");
    const oldToken = first.inviteLink!.split("/").pop()!;
    expect(await code(acceptInvite(oldToken, { password: "mein-langes-passwort", passwordRepeat: "mein-langes-passwort" }))).toBe(
      "NOT_FOUND",
    );
    await acceptInvite(second.inviteLink!.split("/").pop()!, { password: "mein-langes-passwort", passwordRepeat: "mein-langes-passwort" });
  });

  it("deactivation blocks sign-in; admins cannot lock themselves out", async () => {
    expect(await code(setUserActive(demo.admin, demo.admin.id, false))).toBe("CONFLICT");
    await setUserActive(demo.admin, demo.press.id, false);
    expect(
      (await verifyCredentials(db(), { email: "presse@wohnraum.example", password: "demo-password-for-tests", ipAddress: "y" })).ok,
    ).toBe(false);
    await setUserActive(demo.admin, demo.press.id, true);
    expect(await db().auditEvent.count({ where: { subjectId: demo.press.id, action: { in: ["user.deactivate", "user.activate"] } } })).toBe(
      2,
    );
  });

  it("counts wrong current passwords like failed sign-ins, and refuses trivial new passwords", async () => {
    const user = await db().user.create({
      data: {
        email: "wechsel@wohnraum.example",
        name: "Wera Wechsel",
        role: "PRESS",
        countyId: demo.countyId,
        passwordHash: await hashPassword("altes-langes-Passwort-7"),
      },
    });
    const actor = toActor(user);
    const change = (currentPassword: string, password: string, ipAddress = "192.0.2.90") =>
      changeOwnPassword(actor, { currentPassword, password, passwordRepeat: password }, { ipAddress });
    for (let index = 1; index <= 5; index++) expect(await code(change(`falsch-${index}`, "Zelt Fluss Tabelle Uhr"))).toBe("VALIDATION");
    // The 6th try is refused before the password is even checked, the right one included.
    expect(await code(change("altes-langes-Passwort-7", "Zelt Fluss Tabelle Uhr"))).toBe("RATE_LIMITED");
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: "auth.password-change-failed" } })).toBe(5);

    for (const trivial of ["aaaaaaaaaaaa", "passwort1234", "wechsel12345"]) {
      const error = await change("altes-langes-Passwort-7", trivial, "192.0.2.91").catch((caught: AppError) => caught);
      expect((error as AppError).fieldErrors?.password?.[0]).toMatch(/zu leicht zu erraten/);
    }
    await change("altes-langes-Passwort-7", "Zelt Fluss Tabelle Uhr", "192.0.2.91");
    expect((await verifyCredentials(db(), { email: user.email, password: "Zelt Fluss Tabelle Uhr", ipAddress: "192.0.2.92" })).ok).toBe(
      true,
    );
  });

  it("deactivation ends the user's sessions for good: reactivating does not bring them back", async () => {
    const session = await createUserSession(db(), demo.clerkA.id);
    await setUserActive(demo.admin, demo.clerkA.id, false);
    await setUserActive(demo.admin, demo.clerkA.id, true);
    const row = await db().userSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    const user = await db().user.findUniqueOrThrow({ where: { id: demo.clerkA.id } });
    expect(user.active).toBe(true);
  });

  it("checks an invitation token before hashing: 60 made-up links in parallel are all refused as unknown, none waits for a hash", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        code(
          acceptInvite(`erfunden-${index}-${"x".repeat(30)}`, {
            password: "Zelt Fluss Tabelle Uhr",
            passwordRepeat: "Zelt Fluss Tabelle Uhr",
          }),
        ),
      ),
    );
    expect(new Set(results)).toEqual(new Set(["NOT_FOUND"]));
  });
});
