import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { berlinDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { jobs } from "../../lib/jobs";
import { contactOfferer, submitOffer } from "../../lib/offers/service";
import { seedDemoCounty } from "../support/fixtures";

// Random and malformed input straight into the board's services (the HTTP side is fuzzed in
// tests/e2e/offer-board.spec.ts): never an exception (which would be a 5xx), only a typed answer,
// and only valid rows stored. The database's CHECK constraints would throw on an invalid row.

let municipalityId: string;
let listedOfferId: string;

beforeAll(async () => {
  await seedDemoCounty();
  await jobs();
  municipalityId = (await db().municipality.findFirstOrThrow({ where: { slug: "kommune-c" } })).id;
  listedOfferId = (await db().housingOffer.findFirstOrThrow({ where: { status: "PUBLISHED", expiresAt: { gt: new Date() } } })).id;
});

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constantFrom("", " ", "-1", "1e3", "0x10", "2,5", "99999999", "2026-02-30", "on", "\u0000", "<b>x</b>", "x".repeat(2500)),
);

const OUTCOMES = new Set(["VALIDATION", "RATE_LIMITED", "TOO_MANY_OPEN", "OFFER_ENDED"]);

function validOffer(index: number): Record<string, unknown> {
  return {
    locale: "de",
    municipalityId,
    postalCode: "91234",
    type: "HOUSE",
    persons: "5",
    availableFrom: berlinDay(),
    warmRent: "900",
    description: "Haus mit Garten",
    email: `fuzz-${index}@example.org`,
    durationDays: "30",
    privacy: "on",
  };
}

describe("fuzzing the public forms", () => {
  it("the offer form answers every input with a typed result and stores only valid offers", async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            "locale",
            "postalCode",
            "district",
            "type",
            "persons",
            "rooms",
            "sizeSqm",
            "availableFrom",
            "availableUntil",
            "warmRent",
            "freeOfCharge",
            "description",
            "email",
            "phone",
            "publishPhone",
            "durationDays",
            "privacy",
            "languages",
            "furnished",
          ),
          hostile,
          { maxKeys: 4 },
        ),
        async (mutation) => {
          index += 1;
          const result = await submitOffer({ ...validOffer(index), ...mutation }, { clientAddress: `192.0.2.${index % 250}` });
          if (!result.ok) expect(OUTCOMES.has(result.code)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    // Every stored row is one the form itself accepts (what the board shows is well-formed).
    const stored = await db().housingOffer.findMany({ where: { contactEmail: { startsWith: "fuzz-" } } });
    expect(stored.length).toBeGreaterThan(0); // some inputs were valid: the property was not vacuous
    for (const offer of stored) {
      expect(offer.postalCode).toMatch(/^\d{5}$/);
      expect(offer.persons).toBeGreaterThanOrEqual(1);
      expect(offer.description.length).toBeLessThanOrEqual(2000);
      expect(offer.description).not.toMatch(/[\u0000-\u0008]/);
      expect([3, 7, 14, 30]).toContain(offer.durationDays);
    }
  });

  it("the contact form answers every input with a typed result, storing only complete messages", async () => {
    const before = await db().offerContact.count();
    let accepted = 0;
    let index = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: hostile, email: hostile, message: hostile, locale: hostile, website: fc.constantFrom("", "", "", "spam") }),
        async (input) => {
          index += 1;
          const result = await contactOfferer(listedOfferId, input, { clientAddress: `198.18.0.${index % 250}` });
          if (!result.ok) expect(OUTCOMES.has(result.code)).toBe(true);
          else if (input.website === "" && typeof input.email === "string") accepted += 1;
        },
      ),
      { numRuns: 150 },
    );
    const stored = await db().offerContact.findMany({ where: { offerId: listedOfferId } });
    expect(stored.length - before).toBeLessThanOrEqual(accepted);
    for (const contact of stored) {
      expect(contact.senderName!.length).toBeGreaterThan(0);
      expect(contact.senderEmail).toMatch(/@/);
      expect(contact.message!.length).toBeGreaterThan(0);
    }
  });
});
