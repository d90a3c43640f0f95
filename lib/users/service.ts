import "server-only";
import { type Actor, can } from "../auth/actor";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";
import { recordAudit } from "../audit/record";
import { db, Prisma } from "../db/client";
import { env } from "../env";
import { AppError, forbidden, notFound } from "../errors";
import { queueMail } from "../jobs";
import { inviteMail } from "./invite-mail";
import { changePasswordSchema, createUserSchema, newPasswordSchema } from "./schema";
import { hashToken, INVITE_VALID_DAYS, newToken } from "./tokens";
import { zodFieldErrors } from "../forms";
import { signInLimits } from "../auth/credentials";
import { weakPasswordMessage } from "../auth/password-strength";
import { revokeAllUserSessions } from "../auth/user-sessions";
import { consumeLimits, releaseHits } from "../security/rate-limit";
import { idSchema } from "../validation";

export interface AccessHandover {
  /** Shown once to the admin. */
  oneTimePassword?: string;
  inviteLink?: string;
}

function requireUserAdmin(actor: Actor) {
  if (!can(actor, "users:manage")) throw forbidden();
}

function validation(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(issues));
}

export async function listUsers(actor: Actor) {
  if (!can(actor, "users:manage")) return [];
  return db().user.findMany({
    where: { countyId: actor.countyId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastSignInAt: true,
      mustChangePassword: true,
      passwordHash: true,
      municipality: { select: { name: true } },
    },
  });
}

/** Open invitation links stop working when a new link or a one-time password is issued. */
async function voidOpenInvites(tx: Prisma.TransactionClient, userId: string) {
  await tx.userToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
}

async function issueInvite(tx: Prisma.TransactionClient, user: { id: string; email: string; name: string }) {
  await voidOpenInvites(tx, user.id);
  const { token, tokenHash } = newToken();
  await tx.userToken.create({
    data: { userId: user.id, purpose: "INVITE", tokenHash, expiresAt: new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000) },
  });
  return `${env().APP_URL}/einladung/${token}`;
}

export async function createUser(actor: Actor, rawInput: unknown): Promise<AccessHandover> {
  requireUserAdmin(actor);
  const parsed = createUserSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  const input = parsed.data;
  // Hashing is slow and memory-hard: never inside a transaction, where it would hold a connection.
  const oneTimePassword = input.onboarding === "password" ? generatePassword(14) : undefined;
  const oneTimeHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;

  const handover = await db().$transaction(async (tx) => {
    const county = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    if (input.municipalityId) {
      // The municipality must belong to the admin's own county.
      const municipality = await tx.municipality.findFirst({ where: { id: input.municipalityId, countyId: actor.countyId } });
      if (!municipality)
        throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { municipalityId: ["Unbekannte Kommune."] });
    }
    let user;
    try {
      user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          countyId: actor.countyId,
          municipalityId: input.municipalityId,
          passwordHash: oneTimeHash,
          mustChangePassword: Boolean(oneTimePassword),
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        // One answer whether the address belongs to this county or another: it must not reveal
        // that an account exists elsewhere, nor where.
        throw new AppError("CONFLICT", "Bitte prüfen Sie die markierten Angaben.", {
          email: ["Mit dieser E-Mail-Adresse kann kein neues Konto angelegt werden. Bitte prüfen Sie die Benutzerliste."],
        });
      }
      throw error;
    }
    const inviteLink = input.onboarding === "invite" ? await issueInvite(tx, user) : undefined;
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "user.create",
      subjectType: "User",
      subjectId: user.id,
      after: { email: user.email, name: user.name, role: user.role, municipalityId: user.municipalityId, onboarding: input.onboarding },
    });
    return { oneTimePassword, inviteLink, user, countyName: county.name };
  });

  if (handover.inviteLink) {
    await queueMail(
      inviteMail({ to: handover.user.email, name: handover.user.name, countyName: handover.countyName, link: handover.inviteLink }),
    );
  }
  return { oneTimePassword: handover.oneTimePassword, inviteLink: handover.inviteLink };
}

async function findManagedUser(tx: Prisma.TransactionClient, actor: Actor, userId: unknown) {
  // The id comes from a form field of a server action: only a well-formed id is looked up.
  const id = idSchema.safeParse(userId);
  if (!id.success) throw notFound("Dieses Benutzerkonto gibt es nicht.");
  const user = await tx.user.findFirst({ where: { id: id.data, countyId: actor.countyId } });
  if (!user) throw notFound("Dieses Benutzerkonto gibt es nicht.");
  return user;
}

export async function setUserActive(actor: Actor, userId: unknown, active: boolean): Promise<void> {
  requireUserAdmin(actor);
  if (userId === actor.id && !active) throw new AppError("CONFLICT", "Sie können Ihr eigenes Konto nicht deaktivieren.");
  await db().$transaction(async (tx) => {
    const user = await findManagedUser(tx, actor, userId);
    if (user.active === active) return;
    // Deactivation ends every session for good: reactivating must not bring old cookies back.
    await tx.user.update({ where: { id: user.id }, data: active ? { active } : { active, sessionVersion: { increment: 1 } } });
    if (!active) await revokeAllUserSessions(tx, user.id);
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: active ? "user.activate" : "user.deactivate",
      subjectType: "User",
      subjectId: user.id,
      before: { active: user.active },
      after: { active },
    });
  });
}

export async function resetUserAccess(actor: Actor, userId: unknown, method: "invite" | "password"): Promise<AccessHandover> {
  requireUserAdmin(actor);
  const oneTimePassword = method === "password" ? generatePassword(14) : undefined;
  const oneTimeHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  const result = await db().$transaction(async (tx) => {
    const user = await findManagedUser(tx, actor, userId);
    const county = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    let inviteLink: string | undefined;
    if (oneTimeHash) {
      await voidOpenInvites(tx, user.id);
      // Existing sessions end: whoever had the account must use the new password.
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash: oneTimeHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
      });
      await revokeAllUserSessions(tx, user.id);
    } else {
      inviteLink = await issueInvite(tx, user);
    }
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: method === "password" ? "user.one-time-password" : "user.invite",
      subjectType: "User",
      subjectId: user.id,
    });
    return { oneTimePassword, inviteLink, user, countyName: county.name };
  });
  if (result.inviteLink) {
    await queueMail(inviteMail({ to: result.user.email, name: result.user.name, countyName: result.countyName, link: result.inviteLink }));
  }
  return { oneTimePassword: result.oneTimePassword, inviteLink: result.inviteLink };
}

/** Public: the invitee proves possession of the link and sets a password. */
export async function acceptInvite(token: string, rawInput: unknown): Promise<{ email: string }> {
  const parsed = newPasswordSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  // The token first: a made-up link costs one indexed lookup, never a password hash.
  const found =
    typeof token === "string" && token.length <= 200
      ? await db().userToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } })
      : null;
  // A password-reset link is no invitation: each link works only on its own page.
  if (!found || found.purpose !== "INVITE" || found.usedAt || found.expiresAt < new Date() || !found.user.active) {
    throw new AppError("NOT_FOUND", "Dieser Einladungslink ist ungültig oder abgelaufen. Bitte wenden Sie sich an die Administration.");
  }
  const weak = weakPasswordMessage(parsed.data.password, [found.user.email, found.user.name]);
  if (weak) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { password: [weak] });
  const passwordHash = await hashPassword(parsed.data.password);
  return db().$transaction(async (tx) => {
    const invite = await tx.userToken.findUnique({ where: { id: found.id }, include: { user: true } });
    if (!invite || invite.usedAt || invite.expiresAt < new Date() || !invite.user.active) {
      throw new AppError("NOT_FOUND", "Dieser Einladungslink ist ungültig oder abgelaufen. Bitte wenden Sie sich an die Administration.");
    }
    // Conditional update: of two concurrent uses of one link, only one succeeds.
    const claimed = await tx.userToken.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "Dieser Einladungslink wurde bereits verwendet.");
    await tx.user.update({
      where: { id: invite.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await revokeAllUserSessions(tx, invite.userId);
    await recordAudit(tx, {
      countyId: invite.user.countyId,
      actorId: invite.userId,
      action: "user.accept-invite",
      subjectType: "User",
      subjectId: invite.userId,
    });
    return { email: invite.user.email };
  });
}

export async function isInviteUsable(token: string): Promise<boolean> {
  const invite = await db().userToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  return Boolean(invite && invite.purpose === "INVITE" && !invite.usedAt && invite.expiresAt > new Date() && invite.user.active);
}

/**
 * A wrong current password counts like a failed sign-in (the same limits, for the same account
 * and address), so a stolen session cannot be used to guess the password behind it.
 */
export async function changeOwnPassword(
  actor: Actor,
  rawInput: unknown,
  context: { ipAddress: string } = { ipAddress: "unknown" },
): Promise<void> {
  const parsed = changePasswordSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
  const decision = await consumeLimits(db(), signInLimits(user.email, context.ipAddress));
  if (!decision.ok) {
    await recordAudit(db(), {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "auth.password-change-throttled",
      subjectType: "User",
      subjectId: actor.id,
    });
    throw new AppError("RATE_LIMITED", "Zu viele falsche Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.");
  }
  if (!user.passwordHash || !(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) {
    await recordAudit(db(), {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "auth.password-change-failed",
      subjectType: "User",
      subjectId: actor.id,
    });
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", {
      currentPassword: ["Das bisherige Passwort ist falsch."],
    });
  }
  await releaseHits(db(), decision.hitIds);
  if (parsed.data.password === parsed.data.currentPassword) {
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { password: ["Bitte wählen Sie ein neues Passwort."] });
  }
  const weak = weakPasswordMessage(parsed.data.password, [user.email, user.name]);
  if (weak) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { password: [weak] });
  const passwordHash = await hashPassword(parsed.data.password);
  await db().$transaction(async (tx) => {
    // Ends every session of the account, this one included: the user signs in with the new password.
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await revokeAllUserSessions(tx, actor.id);
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "user.change-password",
      subjectType: "User",
      subjectId: actor.id,
    });
  });
}
