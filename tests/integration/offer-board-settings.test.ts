import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { saveLegalText, updateBoardSettings, updateMunicipalityMailbox } from "../../lib/offers/board-settings";
import { auditOf, failure, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// The county's configuration of the offer board: durations and limits, municipal mailboxes and
// the legal texts, each for the actor's own county only and audited.

let demo: Awaited<ReturnType<typeof seedBoardPlaces>>["demo"];
let place: Record<"a" | "b" | "other", Place>;

beforeAll(async () => {
  ({ demo, places: place } = await seedBoardPlaces());
});

describe("board settings", () => {
  it("refuses bad values field by field and stores nothing", async () => {
    const before = await db().county.findUniqueOrThrow({ where: { id: demo.countyId } });
    const error = await failure(
      updateBoardSettings(demo.coordinator, {
        offerDefaultDays: "5",
        offerMaxOpenPerEmail: "0",
        offerSubmitsPerHour: "1001",
        offerContactsPerHour: "1e3",
        offerRetentionDays: "366",
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual([
      "offerContactsPerHour",
      "offerDefaultDays",
      "offerMaxOpenPerEmail",
      "offerRetentionDays",
      "offerSubmitsPerHour",
    ]);
    // One bad value among good ones also stores nothing.
    await failure(
      updateBoardSettings(demo.coordinator, {
        offerDefaultDays: "7",
        offerMaxOpenPerEmail: "5",
        offerSubmitsPerHour: "10",
        offerContactsPerHour: "10",
        offerRetentionDays: "",
      }),
    );
    expect(await db().county.findUniqueOrThrow({ where: { id: demo.countyId } })).toEqual(before);
    expect(await auditOf("county.board-settings")).toHaveLength(0);
    expect((await failure(updateBoardSettings(demo.clerkA, { offerDefaultDays: "7" }))).code).toBe("FORBIDDEN");
  });

  it("stores valid values for the actor's own county, audited", async () => {
    const input = {
      offerDefaultDays: "7",
      offerMaxOpenPerEmail: "5",
      offerSubmitsPerHour: "20",
      offerContactsPerHour: "30",
      offerRetentionDays: "60",
    };
    await updateBoardSettings(demo.admin, input);
    expect(await db().county.findUniqueOrThrow({ where: { id: demo.countyId } })).toMatchObject({
      offerDefaultDays: 7,
      offerMaxOpenPerEmail: 5,
      offerSubmitsPerHour: 20,
      offerContactsPerHour: 30,
      offerRetentionDays: 60,
    });
    expect((await db().county.findUniqueOrThrow({ where: { id: place.other.countyId } })).offerDefaultDays).toBe(14);
    const [event] = await auditOf("county.board-settings");
    expect(event).toMatchObject({ actorId: demo.admin.id, countyId: demo.countyId });
    expect(event!.before).toMatchObject({ offerDefaultDays: 14, offerRetentionDays: 30 });
  });

  it("lets admins set a mailbox of their own county's municipalities only", async () => {
    await updateMunicipalityMailbox(demo.admin, place.a.id, " Buergerbuero@Kommune-A.example ");
    expect((await db().municipality.findUniqueOrThrow({ where: { id: place.a.id } })).mailboxEmail).toBe("buergerbuero@kommune-a.example");
    await updateMunicipalityMailbox(demo.admin, place.b.id, "");
    expect((await db().municipality.findUniqueOrThrow({ where: { id: place.b.id } })).mailboxEmail).toBeNull();
    expect(await auditOf("municipality.mailbox")).toHaveLength(2);

    expect((await failure(updateMunicipalityMailbox(demo.admin, place.other.id, "x@example.org"))).code).toBe("NOT_FOUND");
    expect((await db().municipality.findUniqueOrThrow({ where: { id: place.other.id } })).mailboxEmail).toBeNull();
    expect((await failure(updateMunicipalityMailbox(demo.coordinator, place.a.id, "x@example.org"))).code).toBe("FORBIDDEN");
    expect((await failure(updateMunicipalityMailbox(demo.admin, place.a.id, "kein-postfach"))).fieldErrors?.mailboxEmail).toBeDefined();
  });

  it("raises a legal text's version on every change; blank deletes a translation, never the German text", async () => {
    const save = (locale: string, body: string) => saveLegalText(demo.admin, { kind: "PRIVACY", locale, body });
    expect(await save("de", "Datenschutzhinweis, Fassung 1")).toEqual({ outcome: "saved", version: 1 });
    expect(await save("de", "Datenschutzhinweis, Fassung 2\n\nMit Absatz.")).toEqual({ outcome: "saved", version: 2 });
    expect(await save("de", "  Datenschutzhinweis, Fassung 2\n\nMit Absatz.  ")).toEqual({ outcome: "unchanged" });
    expect((await failure(save("de", "   "))).fieldErrors?.body).toBeDefined();
    expect((await failure(save("de", "x".repeat(30_001)))).fieldErrors?.body).toBeDefined();
    expect((await failure(save("de", "Steuerzeichen \u0000"))).fieldErrors?.body).toBeDefined();
    expect((await failure(save("fr", "Texte"))).fieldErrors?.locale).toBeDefined();

    expect(await save("uk", "Повідомлення про конфіденційність")).toEqual({ outcome: "saved", version: 1 });
    expect(await save("uk", "")).toEqual({ outcome: "deleted" });
    expect(await db().legalText.findMany({ where: { countyId: demo.countyId }, select: { locale: true, version: true } })).toEqual([
      { locale: "de", version: 2 },
    ]);
    expect((await auditOf("legal-text.saved")).map((event) => (event.after as { version: number }).version)).toEqual([1, 2, 1]);
    expect(await auditOf("legal-text.deleted")).toHaveLength(1);
    expect((await failure(saveLegalText(demo.coordinator, { kind: "IMPRINT", locale: "de", body: "Impressum" }))).code).toBe("FORBIDDEN");
  });
});
