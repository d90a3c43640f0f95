import { expect } from "vitest";
import { toActor, type Actor } from "../../lib/auth/actor";
import { db, type Prisma } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { jobs } from "../../lib/jobs";
import { seedDemoCounty } from "./fixtures";

// Offers and places for the offer board's integration tests.

export const DAY = 86_400_000;

export interface Place {
  id: string;
  countyId: string;
}

/**
 * The demo county without its seeded offers, board placements and legal texts (tests count what they create),
 * Kommune A and B, and a second county with a municipality and a coordinator.
 */
export async function seedBoardPlaces() {
  const demo = await seedDemoCounty();
  await jobs(); // creates the pgboss schema, so mail jobs can be counted before the first is queued
  await db().boardPlacement.deleteMany();
  await db().housingOffer.deleteMany();
  await db().legalText.deleteMany();
  const municipality = (slug: string) =>
    db().municipality.findFirstOrThrow({ where: { countyId: demo.countyId, slug }, select: { id: true, countyId: true } });
  const other = await db().county.create({ data: { name: "Landkreis Nachbar", slug: "nachbar" } });
  const places: Record<"a" | "b" | "other", Place> = {
    a: await municipality("kommune-a"),
    b: await municipality("kommune-b"),
    other: await db().municipality.create({
      data: { countyId: other.id, name: "Nachbarstadt", slug: "nachbarstadt" },
      select: { id: true, countyId: true },
    }),
  };
  const otherCoordinator: Actor = toActor(
    await db().user.create({
      data: { email: "koordination@nachbar.example", name: "Nachbar-Koordination", role: "COORDINATOR", countyId: other.id },
    }),
  );
  return { demo, places, otherCoordinator };
}

export type OfferKind = "pending" | "published" | "expired" | "placed" | "deleted";

/** An offer straight into the database, in a state the CHECK constraints accept. */
export async function createOffer(place: Place, kind: OfferKind, extra: Partial<Prisma.HousingOfferUncheckedCreateInput> = {}) {
  const now = Date.now();
  const lifecycle: Partial<Prisma.HousingOfferUncheckedCreateInput> = {
    pending: { status: "PENDING" as const },
    published: { status: "PUBLISHED" as const, confirmedAt: new Date(now - DAY), expiresAt: new Date(now + 6 * DAY) },
    expired: { status: "PUBLISHED" as const, confirmedAt: new Date(now - 20 * DAY), expiresAt: new Date(now - DAY) },
    placed: {
      status: "PLACED" as const,
      confirmedAt: new Date(now - 5 * DAY),
      expiresAt: new Date(now + 2 * DAY),
      endedAt: new Date(now - DAY),
      endedBy: "OFFERER" as const,
    },
    deleted: { status: "DELETED" as const, endedAt: new Date(now - DAY), endedBy: "OFFERER" as const },
  }[kind];
  return db().housingOffer.create({
    data: {
      countyId: place.countyId,
      municipalityId: place.id,
      locale: "de",
      type: "FLAT",
      postalCode: "12345",
      persons: 3,
      availableFrom: new Date("2026-12-01T00:00:00Z"),
      freeOfCharge: true,
      furnished: false,
      barrierFree: false,
      petsAllowed: false,
      languages: ["de"],
      description: "Helle Wohnung",
      contactEmail: `anbieter-${kind}-${Math.random().toString(36).slice(2, 10)}@example.org`,
      contactPhone: "0711 123456",
      publishPhone: false,
      durationDays: 7,
      privacyVersion: 1,
      privacyAcceptedAt: new Date(now - 21 * DAY),
      createdAt: new Date(now - 21 * DAY),
      ...lifecycle,
      ...extra,
    },
  });
}

/** The expected error a call ends with. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export const auditOf = (action: string, subjectId?: string) =>
  db().auditEvent.findMany({ where: { action, ...(subjectId ? { subjectId } : {}) }, orderBy: { createdAt: "asc" } });
