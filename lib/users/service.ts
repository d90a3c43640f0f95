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

  const handover = await db().$transaction(async (tx) => {
    const county = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    if (input.municipalityId) {
      // The municipality must belong to the admin's own county.
      const municipality = await tx.municipality.findFirst({ where: { id: input.municipalityId, countyId: actor.countyId } });
      if (!municipality) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { municipalityId: ["Unbekannte Kommune."] });
    }
    const oneTimePassword = input.onboarding === "password" ? generatePassword(14) : undefined;
    let user;
    try {
      user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          countyId: actor.countyId,
          municipalityId: input.municipalityId,
          passwordHash: oneTimePassword ? await hashPassword(oneTimePassword) : null,
          mustChangePassword: Boolean(oneTimePassword),
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", "Diese E-Mail-Adresse ist bereits vergeben.", {
          email: ["Diese E-Mail-Adresse ist bereits vergeben."],
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
    await queueMail(inviteMail({ to: handover.user.email, name: handover.user.name, countyName: handover.countyName, link: handover.inviteLink }));
  }
  return { oneTimePassword: handover.oneTimePassword, inviteLink: handover.inviteLink };
}

async function findManagedUser(tx: Prisma.TransactionClient, actor: Actor, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, countyId: actor.countyId } });
  if (!user) throw notFound("Dieses Benutzerkonto gibt es nicht.");
  return user;
}

export async function setUserActive(actor: Actor, userId: string, active: boolean): Promise<void> {
  requireUserAdmin(actor);
  if (userId === actor.id && !active) throw new AppError("CONFLICT", "Sie können Ihr eigenes Konto nicht deaktivieren.");
  await db().$transaction(async (tx) => {
    const user = await findManagedUser(tx, actor, userId);
    if (user.active === active) return;
    await tx.user.update({ where: { id: user.id }, data: { active } });
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

export async function resetUserAccess(actor: Actor, userId: string, method: "invite" | "password"): Promise<AccessHandover> {
  requireUserAdmin(actor);
  const result = await db().$transaction(async (tx) => {
    const user = await findManagedUser(tx, actor, userId);
    const county = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    let oneTimePassword: string | undefined;
    let inviteLink: string | undefined;
    if (method === "password") {
      oneTimePassword = generatePassword(14);
      await voidOpenInvites(tx, user.id);
      // Existing sessions end: whoever had the account must use the new password.
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true, sessionVersion: { increment: 1 } },
      });
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
  const passwordHash = await hashPassword(parsed.data.password);
  return db().$transaction(async (tx) => {
    const invite = await tx.userToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
    if (!invite || invite.usedAt || invite.expiresAt < new Date() || !invite.user.active) {
      throw new AppError("NOT_FOUND", "Dieser Einladungslink ist ungültig oder abgelaufen. Bitte wenden Sie sich an die Administration.");
    }
    // Conditional update: of two concurrent uses of one link, only one succeeds.
    const claimed = await tx.userToken.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "Dieser Einladungslink wurde bereits verwendet.");
    await tx.user.update({ where: { id: invite.userId }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
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
  return Boolean(invite && !invite.usedAt && invite.expiresAt > new Date() && invite.user.active);
}

export async function changeOwnPassword(actor: Actor, rawInput: unknown): Promise<void> {
  const parsed = changePasswordSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!user.passwordHash || !(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { currentPassword: ["Das bisherige Passwort ist falsch."] });
  }
  if (parsed.data.password === parsed.data.currentPassword) {
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { password: ["Bitte wählen Sie ein neues Passwort."] });
  }
  await db().$transaction(async (tx) => {
    // Ends every session of the account, this one included: the user signs in with the new password.
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash: await hashPassword(parsed.data.password), mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, { countyId: actor.countyId, actorId: actor.id, action: "user.change-password", subjectType: "User", subjectId: actor.id });
  });
}
