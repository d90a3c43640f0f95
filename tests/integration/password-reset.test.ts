import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { createUserSession } from "../../lib/auth/user-sessions";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import {
  acceptPasswordResetRequest,
  isPasswordResetUsable,
  PASSWORD_RESET_LIMITS,
  requestPasswordReset,
  resetPassword,
  sendPasswordReset,
} from "../../lib/users/password-reset";
import { acceptInvite, createUser } from "../../lib/users/service";
import { hashToken } from "../../lib/users/tokens";
import { seedDemoCounty } from "../support/fixtures";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

const NEW_PASSWORD = "Zelt Fluss Tabelle Uhr";
const OLD_PASSWORD = "altes-langes-Passwort-7";
const MINUTE = 60_000;

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: AppError) => error.code ?? String(error),
  );

let userCount = 0;
async function newUser(options: { active?: boolean } = {}) {
  userCount += 1;
  return db().user.create({
    data: {
      email: `reset-${userCount}@wohnraum.example`,
      name: `Rita Reset ${userCount}`,
      role: "PRESS",
      countyId: demo.countyId,
      active: options.active ?? true,
      passwordHash: await hashPassword(OLD_PASSWORD),
    },
  });
}

/** The reset mails queued for an address, oldest first (pg-boss jobs; no worker runs in these tests). */
async function resetMailsTo(email: string) {
  return db().$queryRaw<{ data: { to: string; subject: string; text: string; countyId?: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = ${email} AND data->>'subject' LIKE 'Passwort zurücksetzen%'
     ORDER BY created_on`;
}

async function latestToken(email: string): Promise<string> {
  const mails = await resetMailsTo(email);
  const links = mails.map((mail) => /\/passwort-zuruecksetzen\/([\w-]{43})$/m.exec(mail.data.text)?.[1]);
  const token = links.at(-1);
  if (!token) throw new Error(`no reset mail for ${email}`);
  return token;
}

const newPassword = { password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD };

describe("password reset: request", () => {
  it("answers the same for unknown and known addresses; only the known one gets a mail and an audit event", async () => {
    const user = await newUser();
    const unknown = "niemand@wohnraum.example";
    const forUnknown = await acceptPasswordResetRequest({ email: unknown }, { clientAddress: "192.0.2.10" });
    const forKnown = await acceptPasswordResetRequest({ email: user.email.toUpperCase() }, { clientAddress: "192.0.2.10" });
    // The answer carries nothing but what was typed (normalised).
    expect(forUnknown).toEqual({ email: unknown, clientAddress: "192.0.2.10" });
    expect(forKnown).toEqual({ email: user.email, clientAddress: "192.0.2.10" });
    await sendPasswordReset(forUnknown);
    await sendPasswordReset(forKnown);

    expect(await resetMailsTo(unknown)).toHaveLength(0);
    const [mail] = await resetMailsTo(user.email);
    expect(mail?.data.countyId).toBe(demo.countyId);
    expect(mail?.data.text).toMatch(/^http:\/\/localhost:3999\/passwort-zuruecksetzen\/[\w-]{43}$/m);
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: "auth.password-reset-requested" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { subjectId: unknown } })).toBe(0);
  });

  it("stores the token only as its hash, valid for one hour", async () => {
    const user = await newUser();
    const now = new Date();
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.11", now });
    const token = await latestToken(user.email);
    expect(await db().userToken.count({ where: { tokenHash: token } })).toBe(0);
    const row = await db().userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row).toMatchObject({ userId: user.id, purpose: "PASSWORD_RESET", usedAt: null });
    expect(row.expiresAt.getTime()).toBe(now.getTime() + 60 * MINUTE);
  });

  it("sends nothing for an inactive account (the request is recorded for its admins)", async () => {
    const user = await newUser({ active: false });
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.12" });
    expect(await resetMailsTo(user.email)).toHaveLength(0);
    expect(await db().userToken.count({ where: { userId: user.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { subjectId: user.id, action: "auth.password-reset-requested" } });
    expect(event.after).toMatchObject({ mailed: false });
  });

  it("reports an invalid address at the field", async () => {
    const error = await acceptPasswordResetRequest({ email: "keine-adresse" }, { clientAddress: "192.0.2.13" }).catch(
      (caught: AppError) => caught,
    );
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).fieldErrors?.email?.[0]).toMatch(/gültige E-Mail-Adresse/);
  });

  it(`refuses the ${PASSWORD_RESET_LIMITS.perEmail + 1}th request for one e-mail address within 15 minutes, from any client address`, async () => {
    const user = await newUser();
    const start = new Date(Date.now() - 60 * MINUTE);
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perEmail; index++) {
      const now = new Date(start.getTime() + index * MINUTE);
      expect(await code(requestPasswordReset({ email: user.email }, { clientAddress: `198.51.100.${index}`, now }))).toBe("OK");
    }
    const later = new Date(start.getTime() + 10 * MINUTE);
    expect(await code(requestPasswordReset({ email: user.email }, { clientAddress: "198.51.100.99", now: later }))).toBe("RATE_LIMITED");
    // An unknown address is throttled alike: the refusal says nothing about the account.
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perEmail; index++) {
      await requestPasswordReset({ email: "unbekannt@wohnraum.example" }, { clientAddress: `198.51.101.${index}`, now: start });
    }
    expect(await code(requestPasswordReset({ email: "unbekannt@wohnraum.example" }, { clientAddress: "198.51.101.99", now: later }))).toBe(
      "RATE_LIMITED",
    );
    expect(await resetMailsTo(user.email)).toHaveLength(PASSWORD_RESET_LIMITS.perEmail);
    // Once the window has passed, the address may ask again.
    const afterWindow = new Date(start.getTime() + 16 * MINUTE);
    expect(await code(requestPasswordReset({ email: user.email }, { clientAddress: "198.51.100.99", now: afterWindow }))).toBe("OK");
  });

  it(`refuses more than ${PASSWORD_RESET_LIMITS.perAddress} requests from one client address within 15 minutes`, async () => {
    const now = new Date();
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perAddress; index++) {
      expect(await code(acceptPasswordResetRequest({ email: `viele-${index}@example.org` }, { clientAddress: "203.0.113.5", now }))).toBe(
        "OK",
      );
    }
    expect(await code(acceptPasswordResetRequest({ email: "noch-einer@example.org" }, { clientAddress: "203.0.113.5", now }))).toBe(
      "RATE_LIMITED",
    );
    expect(await code(acceptPasswordResetRequest({ email: "noch-einer@example.org" }, { clientAddress: "203.0.113.6", now }))).toBe("OK");
  });
});

describe("password reset: the link", () => {
  it("opening it changes nothing; using it sets the password, ends every session, and works once", async () => {
    const user = await newUser();
    const sessions = [await createUserSession(db(), user.id), await createUserSession(db(), user.id)];
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.20" });
    const token = await latestToken(user.email);

    expect(await isPasswordResetUsable(token)).toBe(true);
    expect(await isPasswordResetUsable(token)).toBe(true);
    expect((await db().userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();

    expect(await code(resetPassword(token, { password: "kurz", passwordRepeat: "kurz" }))).toBe("VALIDATION");
    const weak = await resetPassword(token, { password: "passwort1234", passwordRepeat: "passwort1234" }).catch(
      (caught: AppError) => caught,
    );
    expect((weak as AppError).fieldErrors?.password?.[0]).toMatch(/zu leicht zu erraten/);

    expect(await resetPassword(token, newPassword)).toEqual({ email: user.email });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash!)).toBe(true);
    expect(await verifyPassword(OLD_PASSWORD, after.passwordHash!)).toBe(false);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    for (const session of sessions) {
      expect((await db().userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeInstanceOf(Date);
    }
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: "auth.password-reset" } })).toBe(1);

    // Single use.
    expect(await isPasswordResetUsable(token)).toBe(false);
    expect(await code(resetPassword(token, { password: "Berg Kanne Wolke Stift", passwordRepeat: "Berg Kanne Wolke Stift" }))).toBe(
      "NOT_FOUND",
    );
    const unchanged = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW_PASSWORD, unchanged.passwordHash!)).toBe(true);
  });

  it("expires after one hour", async () => {
    const user = await newUser();
    const requestedAt = new Date();
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.21", now: requestedAt });
    const token = await latestToken(user.email);
    expect(await isPasswordResetUsable(token, new Date(requestedAt.getTime() + 59 * MINUTE))).toBe(true);
    const expired = new Date(requestedAt.getTime() + 60 * MINUTE);
    expect(await isPasswordResetUsable(token, expired)).toBe(false);
    expect(await code(resetPassword(token, newPassword, expired))).toBe("NOT_FOUND");
    const unchanged = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(OLD_PASSWORD, unchanged.passwordHash!)).toBe(true);
  });

  it("of two tabs using one link at once, exactly one succeeds; the other links of the account are spent too", async () => {
    const user = await newUser();
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.22" });
    const first = await latestToken(user.email);
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.22" });
    const second = await latestToken(user.email);
    expect(second).not.toBe(first);

    const results = await Promise.all([code(resetPassword(second, newPassword)), code(resetPassword(second, newPassword))]);
    expect(results.sort()).toEqual(["NOT_FOUND", "OK"]);
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: "auth.password-reset" } })).toBe(1);
    expect(await isPasswordResetUsable(first)).toBe(false);
  });

  it("refuses made-up tokens, invitation links, and links of accounts deactivated since", async () => {
    expect(await code(resetPassword("erfunden".repeat(6), newPassword))).toBe("NOT_FOUND");
    expect(await isPasswordResetUsable("x".repeat(500))).toBe(false);

    const handover = await createUser(demo.admin, { name: "Ivo Invite", email: "ivo@example.org", role: "PRESS", onboarding: "invite" });
    const inviteToken = handover.inviteLink!.split("/").pop()!;
    expect(await isPasswordResetUsable(inviteToken)).toBe(false);
    expect(await code(resetPassword(inviteToken, newPassword))).toBe("NOT_FOUND");

    // …and a reset link is no invitation.
    const user = await newUser();
    await requestPasswordReset({ email: user.email }, { clientAddress: "192.0.2.23" });
    const token = await latestToken(user.email);
    expect(await code(acceptInvite(token, newPassword))).toBe("NOT_FOUND");

    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await isPasswordResetUsable(token)).toBe(false);
    expect(await code(resetPassword(token, newPassword))).toBe("NOT_FOUND");
  });
});
