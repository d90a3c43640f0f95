import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, berlinDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { jobs } from "../../lib/jobs";
import { sendMailInTransaction } from "../../lib/jobs/boss";
import type { MailMessage } from "../../lib/mail/message";
import { runOfferMaintenance } from "../../lib/offers/maintenance";
import { listPublicOffers, publicOffer } from "../../lib/offers/queries";
import { offerFiltersSchema } from "../../lib/offers/filters";
import { contactOfferer, manageOffer, offerByToken, resendLinks, submitOffer } from "../../lib/offers/service";
import { hashOfferToken } from "../../lib/offers/tokens";
import { seedDemoCounty } from "../support/fixtures";

// The public board's service on a real database: what offerers and seekers do, with the mails
// the app queues read back from pg-boss's own table.

const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
let municipalityId: string;
let mailbox: string | null;
let countyId: string;
let address = 0;
/** Each test its own client address, so the per-address limit only bites where a test wants it. */
const client = () => ({ clientAddress: `198.51.100.${++address}` });

beforeAll(async () => {
  await sql.connect();
  await seedDemoCounty();
  await jobs(); // the queue's tables, where queued mails are read back
  // The demo offers are not what these tests count.
  await db().housingOffer.deleteMany({});
  const municipality = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
  municipalityId = municipality.id;
  mailbox = municipality.mailboxEmail;
  countyId = municipality.countyId;
});

afterAll(async () => {
  await sql.end();
});

function validOffer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locale: "de",
    municipalityId,
    postalCode: "91234",
    district: "",
    type: "FLAT",
    persons: "4",
    rooms: "3",
    sizeSqm: "70",
    availableFrom: berlinDay(),
    availableUntil: "",
    warmRent: "650",
    description: "Helle Wohnung mit Balkon.",
    email: "Anbieterin@Example.org",
    phone: "0151 234567",
    durationDays: "7",
    privacy: "on",
    furnished: "on",
    languages: ["de", "uk"],
    website: "",
    ...overrides,
  };
}

async function queuedMails(): Promise<MailMessage[]> {
  const { rows } = await sql.query<{ data: MailMessage }>(
    "SELECT data FROM pgboss.job WHERE name = 'mail-send' ORDER BY created_on, data->>'subject' LIKE 'Kopie: %'",
  );
  return rows.map((row) => row.data);
}

const tokenOf = (mail: MailMessage) => /\/verwalten\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

describe("offering", () => {
  it("stores a valid offer unpublished, mails the confirmation link to the offerer with a copy to the municipality", async () => {
    const before = (await queuedMails()).length;
    const result = await submitOffer(validOffer({ email: "erste@example.org" }), client());
    expect(result).toMatchObject({ ok: true, email: "erste@example.org" });
    const offer = await db().housingOffer.findFirstOrThrow({ where: { contactEmail: "erste@example.org" }, include: { tokens: true } });
    expect(offer).toMatchObject({
      status: "PENDING",
      countyId,
      persons: 4,
      warmRentEuros: 650,
      freeOfCharge: false,
      languages: ["de", "uk"],
    });
    expect(offer.confirmedAt).toBeNull();

    const mails = (await queuedMails()).slice(before);
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatchObject({ to: "erste@example.org", countyId });
    // The municipality's copy: the same text, without the manage link and the offerer's address.
    expect(mails[1]).toMatchObject({ to: mailbox, countyId, subject: `Kopie: ${mails[0]!.subject}` });
    expect(mails[1]!.text).not.toMatch(/\/verwalten\//);
    expect(mails[1]!.text).not.toContain("erste@example.org");
    expect(mails[1]!.text).toContain("e…@example.org");
    // The link's token is stored only as its hash.
    const token = tokenOf(mails[0]!);
    expect(offer.tokens.map((row) => row.tokenHash)).toEqual([hashOfferToken(token)]);
    expect(JSON.stringify(await db().offerToken.findMany())).not.toContain(token);
    expect(await listPublicOffers(offerFiltersSchema.parse({}))).toMatchObject({ total: 0 });
  });

  it("refuses bad input with error codes at the fields and stores nothing", async () => {
    const count = await db().housingOffer.count();
    const result = await submitOffer(
      validOffer({
        postalCode: "1234",
        persons: "0",
        email: "kein-at",
        description: "x".repeat(2001),
        privacy: "",
        warmRent: "",
        availableFrom: "2000-01-01",
        durationDays: "5",
        phone: "call me",
      }),
      client(),
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "VALIDATION") throw new Error("expected a validation failure");
    expect(result.fieldErrors).toMatchObject({
      postalCode: [{ code: "invalidPostalCode" }],
      persons: [{ code: "tooSmall", min: 1 }],
      email: [{ code: "invalidEmail" }],
      description: [{ code: "tooLong", max: 2000 }],
      privacy: [{ code: "privacyRequired" }],
      availableFrom: [{ code: "dateInPast" }],
      durationDays: [{ code: "required" }],
      phone: [{ code: "invalidPhone" }],
    });
    expect(await db().housingOffer.count()).toBe(count);
  });

  it("asks for a rent or free of charge, and a phone number to publish", async () => {
    const result = await submitOffer(validOffer({ warmRent: "", publishPhone: "on", phone: "" }), client());
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { warmRent: [{ code: "rentOrFree" }], phone: [{ code: "phoneToPublish" }] },
    });
    const both = await submitOffer(validOffer({ freeOfCharge: "on" }), client());
    expect(both).toMatchObject({ ok: false, fieldErrors: { warmRent: [{ code: "rentAndFree" }] } });
  });

  it("refuses a municipality of another county", async () => {
    const other = await db().county.create({ data: { name: "Landkreis Anderswo", slug: "anderswo-board" } });
    const foreign = await db().municipality.create({ data: { countyId: other.id, name: "Fremdort", slug: "fremdort" } });
    const result = await submitOffer(validOffer({ municipalityId: foreign.id, email: "fremd@example.org" }), client());
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { municipalityId: [{ code: "unknownMunicipality" }] } });
    expect(await db().housingOffer.count({ where: { contactEmail: "fremd@example.org" } })).toBe(0);
  });

  it("answers a filled-in honeypot as if all went well, and stores and sends nothing", async () => {
    const [count, mails] = [await db().housingOffer.count(), (await queuedMails()).length];
    expect(await submitOffer(validOffer({ website: "http://spam.example", email: "bot@example.org" }), client())).toMatchObject({
      ok: true,
    });
    expect(await db().housingOffer.count()).toBe(count);
    expect((await queuedMails()).length).toBe(mails);
  });

  it("allows three open offers per e-mail address (the county's setting), refusing the fourth", async () => {
    const email = "viele@example.org";
    for (let i = 0; i < 3; i++) expect(await submitOffer(validOffer({ email }), client())).toMatchObject({ ok: true });
    expect(await submitOffer(validOffer({ email }), client())).toEqual({ ok: false, code: "TOO_MANY_OPEN", max: 3 });
    expect(await db().housingOffer.count({ where: { contactEmail: email } })).toBe(3);
  });

  it("counts parallel submissions of one address correctly: never more open offers than allowed", async () => {
    const email = "parallel@example.org";
    const results = await Promise.all(Array.from({ length: 6 }, () => submitOffer(validOffer({ email }), client())));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(await db().housingOffer.count({ where: { contactEmail: email } })).toBe(3);
  });

  it("throttles a client address after five offers an hour", async () => {
    const sameClient = { clientAddress: "203.0.113.77" };
    for (let i = 0; i < 5; i++)
      expect(await submitOffer(validOffer({ email: `flut-${i}@example.org` }), sameClient)).toMatchObject({ ok: true });
    const sixth = await submitOffer(validOffer({ email: "flut-6@example.org" }), sameClient);
    expect(sixth).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await db().housingOffer.count({ where: { contactEmail: "flut-6@example.org" } })).toBe(0);
  });
});

describe("the life of an offer", () => {
  let token: string;
  let offerId: string;
  const t0 = new Date();

  it("is published for the chosen days once confirmed, and listed without its contact data", async () => {
    const before = (await queuedMails()).length;
    const submitted = await submitOffer(validOffer({ email: "leben@example.org", durationDays: "14" }), { ...client(), now: t0 });
    if (!submitted.ok) throw new Error("submit failed");
    offerId = submitted.offerId!;
    token = tokenOf((await queuedMails())[before]!);
    // Opening the link (what a mail scanner does) changes nothing: only the action does.
    expect(await offerByToken(token)).toMatchObject({ status: "PENDING" });
    expect(await manageOffer(token, "confirm", { now: t0 })).toMatchObject({ ok: true, state: "published" });
    const offer = await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } });
    expect(offer.expiresAt!.getTime() - t0.getTime()).toBe(14 * 86_400_000);

    const listed = await listPublicOffers(offerFiltersSchema.parse({}), t0);
    expect(listed.offers.map((entry) => entry.id)).toContain(offerId);
    const detail = await publicOffer(offerId, t0);
    expect(detail?.state).toBe("listed");
    // The phone was not ticked for publication; the address never is.
    expect(JSON.stringify(listed)).not.toMatch(/leben@example\.org|0151 234567/);
    expect(JSON.stringify(detail)).not.toMatch(/leben@example\.org|0151 234567/);
  });

  it("is filtered as seekers ask", async () => {
    const matches = async (query: Record<string, string>) =>
      (await listPublicOffers(offerFiltersSchema.parse(query), t0)).offers.some((offer) => offer.id === offerId);
    expect(await matches({ personen: "4" })).toBe(true);
    expect(await matches({ personen: "5" })).toBe(false);
    expect(await matches({ miete: "650" })).toBe(true);
    expect(await matches({ miete: "649" })).toBe(false);
    expect(await matches({ art: "ROOM" })).toBe(false);
    expect(await matches({ gemeinde: "kommune-a" })).toBe(true);
    expect(await matches({ gemeinde: "kommune-b" })).toBe(false);
    expect(await matches({ barrierefrei: "1" })).toBe(false);
    expect(await matches({ ab: addDays(berlinDay(t0), -1) })).toBe(false);
  });

  it("relays a seeker's message with the seeker as Reply-To, and stores it", async () => {
    const before = (await queuedMails()).length;
    const result = await contactOfferer(
      offerId,
      { locale: "uk", name: "Olena", email: "olena@example.net", message: "Доброго дня! Чи вільна ще квартира?" },
      client(),
    );
    expect(result).toEqual({ ok: true });
    // The relay, the municipality's copy, and the seeker's confirmation (tests/integration/stale-offers.test.ts).
    const queued = (await queuedMails()).slice(before);
    expect(queued.map((queuedMail) => queuedMail.to).sort()).toEqual(["leben@example.org", mailbox, "olena@example.net"].sort());
    const mail = queued.find((queuedMail) => queuedMail.to === "leben@example.org");
    const copy = queued.find((queuedMail) => queuedMail.to === mailbox);
    expect(mail).toMatchObject({ to: "leben@example.org", replyTo: "olena@example.net", countyId });
    expect(mail!.text).toContain("Чи вільна ще квартира?");
    expect(copy).toMatchObject({ to: mailbox, countyId });
    expect(copy!.text).toContain("Чи вільна ще квартира?");
    expect(copy!.text).not.toMatch(/olena@example\.net|leben@example\.org/);
    expect(copy).not.toHaveProperty("replyTo");
    expect(await db().offerContact.count({ where: { offerId } })).toBe(1);
  });

  it("extends by 7 days once, however often the button is pressed at the same time", async () => {
    const before = (await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).expiresAt!;
    await Promise.all([manageOffer(token, "extend", { now: t0 }), manageOffer(token, "extend", { now: t0 })]);
    const after = (await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).expiresAt!;
    expect(after.getTime() - before.getTime()).toBe(7 * 86_400_000);
  });

  it("reminds the offerer once a day before expiry, even with two job runs at once", async () => {
    const offer = await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } });
    const dayBefore = new Date(offer.expiresAt!.getTime() - 12 * 3_600_000);
    const before = (await queuedMails()).length;
    // The app's own queueing inside the claiming transaction, as the worker does it.
    const boss = await jobs();
    const run = () =>
      runOfferMaintenance({
        prisma: db(),
        appUrl: "https://wohnraum.example",
        now: dayBefore,
        queueMail: (tx, mail) => sendMailInTransaction(boss, tx, mail),
      });
    await Promise.all([run(), run()]);
    await run();
    const mails = (await queuedMails()).slice(before);
    const reminders = mails.filter((mail) => mail.to === "leben@example.org");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ countyId });
    expect(mails.filter((mail) => mail.to === mailbox)).toHaveLength(1);
    // The reminder's link works: it carries a fresh token.
    expect(await offerByToken(tokenOf(reminders[0]!))).toMatchObject({ id: offerId });
  });

  it("is gone from the list at once when placed, and the offerer's wish for advice is kept", async () => {
    expect(await manageOffer(token, "placed", { wantsAdvice: true, now: t0 })).toMatchObject({ ok: true, state: "placed" });
    expect((await listPublicOffers(offerFiltersSchema.parse({}), t0)).offers.map((offer) => offer.id)).not.toContain(offerId);
    expect(await publicOffer(offerId, t0)).toEqual({ state: "ended" });
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      status: "PLACED",
      wantsAdvice: true,
      endedBy: "OFFERER",
    });
    expect(await manageOffer(token, "extend", { now: t0 })).toEqual({ ok: false, code: "OFFER_ENDED" });
    expect(await contactOfferer(offerId, { locale: "de", name: "A", email: "a@example.net", message: "Hallo" }, client())).toEqual({
      ok: false,
      code: "OFFER_ENDED",
    });
  });

  it("loses no reminder when queueing fails: the claim is rolled back and the next run sends it", async () => {
    const submitted = await submitOffer(validOffer({ email: "ausfall@example.org" }), client());
    if (!submitted.ok) throw new Error("submit failed");
    const all = await queuedMails();
    await manageOffer(tokenOf(all[all.length - 2]!), "confirm");
    const offer = await db().housingOffer.findUniqueOrThrow({ where: { id: submitted.offerId! } });
    const dayBefore = new Date(offer.expiresAt!.getTime() - 6 * 3_600_000);
    const broken = runOfferMaintenance({
      prisma: db(),
      appUrl: "https://wohnraum.example",
      now: dayBefore,
      queueMail: () => Promise.reject(new Error("queue down")),
    });
    await expect(broken).rejects.toThrow("queue down");
    expect((await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } })).reminderSentAt).toBeNull();
    const sent: MailMessage[] = [];
    await runOfferMaintenance({
      prisma: db(),
      appUrl: "https://wohnraum.example",
      now: dayBefore,
      queueMail: (_tx, mail) => Promise.resolve(void sent.push(mail)),
    });
    expect(sent.filter((mail) => mail.to === "ausfall@example.org")).toHaveLength(1);
  });

  it("erases the personal data 30 days after the end, keeping the figures", async () => {
    const ended = (await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).endedAt!;
    const run = (now: Date) =>
      runOfferMaintenance({ prisma: db(), appUrl: "https://wohnraum.example", now, queueMail: () => Promise.resolve() });
    await run(new Date(ended.getTime() + 29 * 86_400_000));
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ contactEmail: "leben@example.org" });
    await run(new Date(ended.getTime() + 30 * 86_400_000 + 1000));
    const erased = await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } });
    expect(erased).toMatchObject({
      contactEmail: null,
      contactPhone: null,
      description: "[gelöscht]",
      district: null,
      persons: 4,
      status: "PLACED",
    });
    expect(erased.personalDataErasedAt).not.toBeNull();
    expect(await db().offerContact.findMany({ where: { offerId } })).toEqual([
      expect.objectContaining({ senderName: null, senderEmail: null, message: null }),
    ]);
    expect(await db().offerToken.count({ where: { offerId } })).toBe(0);
    expect(await offerByToken(token)).toBeNull();
  });
});

describe("expiry and clean-up", () => {
  it("drops an offer from the list at the instant it expires, without a job", async () => {
    const t0 = new Date();
    const submitted = await submitOffer(validOffer({ email: "ablauf@example.org", durationDays: "3" }), { ...client(), now: t0 });
    if (!submitted.ok) throw new Error("submit failed");
    const mails = await queuedMails();
    await manageOffer(tokenOf(mails[mails.length - 2]!), "confirm", { now: t0 });
    const expiresAt = (await db().housingOffer.findUniqueOrThrow({ where: { id: submitted.offerId! } })).expiresAt!;
    const listedAt = async (now: Date) =>
      (await listPublicOffers(offerFiltersSchema.parse({}), now)).offers.some((offer) => offer.id === submitted.offerId);
    expect(await listedAt(new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(await listedAt(expiresAt)).toBe(false);
  });

  it("deletes unconfirmed offers after 48 hours", async () => {
    const t0 = new Date();
    const submitted = await submitOffer(validOffer({ email: "vergessen@example.org" }), { ...client(), now: t0 });
    if (!submitted.ok) throw new Error("submit failed");
    const run = (hours: number) =>
      runOfferMaintenance({
        prisma: db(),
        appUrl: "https://wohnraum.example",
        now: new Date(t0.getTime() + hours * 3_600_000),
        queueMail: () => Promise.resolve(),
      });
    await run(47);
    expect(await db().housingOffer.count({ where: { id: submitted.offerId! } })).toBe(1);
    await run(48.01);
    expect(await db().housingOffer.count({ where: { id: submitted.offerId! } })).toBe(0);
  });
});

describe("edges", () => {
  it("takes no offers while the county has no privacy notice to consent to", async () => {
    const notice = await db().legalText.findFirstOrThrow({ where: { countyId, kind: "PRIVACY", locale: "de" } });
    await db().legalText.delete({ where: { id: notice.id } });
    try {
      const result = await submitOffer(validOffer({ email: "ohne-hinweis@example.org" }), client());
      expect(result).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { privacy: [{ code: "privacyMissing" }] } });
      expect(await db().housingOffer.count({ where: { contactEmail: "ohne-hinweis@example.org" } })).toBe(0);
    } finally {
      await db().legalText.create({ data: notice });
    }
  });

  it("stores the version of the privacy notice the offerer accepted", async () => {
    const notice = await db().legalText.findFirstOrThrow({ where: { countyId, kind: "PRIVACY", locale: "de" } });
    const submitted = await submitOffer(validOffer({ email: "version@example.org" }), client());
    if (!submitted.ok) throw new Error("submit failed");
    expect((await db().housingOffer.findUniqueOrThrow({ where: { id: submitted.offerId! } })).privacyVersion).toBe(notice.version);
  });

  it("refuses a confirmation after 48 hours, even before the clean-up job ran", async () => {
    const t0 = new Date();
    const submitted = await submitOffer(validOffer({ email: "spaet@example.org" }), { ...client(), now: t0 });
    if (!submitted.ok) throw new Error("submit failed");
    const mails = await queuedMails();
    const token = tokenOf(mails[mails.length - 2]!);
    expect(await manageOffer(token, "confirm", { now: new Date(t0.getTime() + 48 * 3_600_000 + 1000) })).toEqual({
      ok: false,
      code: "LINK_INVALID",
    });
    expect((await db().housingOffer.findUniqueOrThrow({ where: { id: submitted.offerId! } })).status).toBe("PENDING");
  });
});

describe("links again", () => {
  it("mails fresh working links for the address's open offers, and answers the same for an unknown address", async () => {
    const submitted = await submitOffer(validOffer({ email: "vergesslich@example.org" }), client());
    if (!submitted.ok) throw new Error("submit failed");
    const before = (await queuedMails()).length;
    expect(await resendLinks({ locale: "en", email: "VERGESSLICH@example.org" }, client())).toEqual({ ok: true });
    expect(await resendLinks({ locale: "en", email: "unbekannt@example.org" }, client())).toEqual({ ok: true });
    const mails = (await queuedMails()).slice(before);
    expect(mails.map((mail) => mail.to)).toEqual(["vergesslich@example.org", mailbox]);
    expect(mails[0]).toMatchObject({ subject: "Your links to the housing board" });
    expect(await offerByToken(tokenOf(mails[0]!))).toMatchObject({ id: submitted.offerId });
  });
});
