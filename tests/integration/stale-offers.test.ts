import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { jobs } from "../../lib/jobs";
import { sendMailInTransaction } from "../../lib/jobs/boss";
import type { Locale } from "../../lib/i18n/locales";
import de from "../../lib/i18n/messages/de.json";
import type { MailMessage } from "../../lib/mail/message";
import { feedbackByToken, giveFeedback } from "../../lib/offers/feedback";
import { offerFiltersSchema } from "../../lib/offers/filters";
import { offerIsGone } from "../../lib/offers/gone";
import { runOfferMaintenance } from "../../lib/offers/maintenance";
import { openOfferList } from "../../lib/offers/open-data/queries";
import { parseListQuery } from "../../lib/offers/open-data/schemas";
import { listStaffOffers } from "../../lib/offers/oversight";
import { boardSummary, listPublicOffers, publicOffer } from "../../lib/offers/queries";
import { contactOfferer, manageOffer } from "../../lib/offers/service";
import { hashOfferToken } from "../../lib/offers/tokens";
import { seedDemoCounty } from "../support/fixtures";
import { renderBoardPage } from "../support/render-board";
import { auditOf, createOffer, DAY, type Place } from "../support/offer-fixtures";

// The stale-offer round on a real database with a controlled clock: seekers' feedback through
// the links in their confirmation mails, the job's one check per round, hiding after three days,
// and the offerer's "Ja, noch aktuell" through the link in the check mail.

// The feedback page is a server component; here its translations come from the message files.
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ locale, namespace }: { locale: Locale; namespace: string }) => {
    const [{ createTranslator }, { loadMessages }] = await Promise.all([import("use-intl/core"), import("../../lib/i18n/messages")]);
    return createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as "feedback" });
  },
}));

const APP_URL = "https://wohnraum.example";
let place: Place;
let mailbox: string | null;
let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
let address = 0;

beforeAll(async () => {
  demo = await seedDemoCounty();
  await jobs(); // the queue's tables, where queued mails are read back
  await db().housingOffer.deleteMany({}); // the demo offers are not what these tests count
  const municipality = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
  place = { id: municipality.id, countyId: municipality.countyId };
  mailbox = municipality.mailboxEmail;
});

const mailsTo = async (to: string) =>
  (
    await db().$queryRaw<{ data: MailMessage }[]>`
      SELECT data FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = ${to} ORDER BY created_on`
  ).map((row) => row.data);

/** The job as the worker runs it: mails queued in the transaction that claims the check. */
async function runJob(now: Date) {
  const boss = await jobs();
  return runOfferMaintenance({ prisma: db(), appUrl: APP_URL, now, queueMail: (tx, mail) => sendMailInTransaction(boss, tx, mail) });
}

/** A listed offer confirmed at `confirmedAt`, shown for 30 days. */
function publishedAt(confirmedAt: Date, locale = "de") {
  return createOffer(place, "published", {
    locale,
    confirmedAt,
    createdAt: new Date(confirmedAt.getTime() - 3_600_000),
    privacyAcceptedAt: new Date(confirmedAt.getTime() - 3_600_000),
    expiresAt: new Date(confirmedAt.getTime() + 30 * DAY),
    durationDays: 30,
  });
}

/** A seeker writes through the relay; returns the feedback token from the confirmation mail. */
async function contact(offerId: string, email: string, now: Date, locale: Locale = "uk"): Promise<string> {
  const result = await contactOfferer(
    offerId,
    { locale, name: "Olena", email, message: "Чи вільна ще квартира? SEEKER-TEXT" },
    { clientAddress: `198.51.100.${++address}`, now },
  );
  expect(result).toEqual({ ok: true });
  const [confirmation] = await mailsTo(email);
  return new RegExp(`^${env().APP_URL}/${locale}/rueckmeldung/([A-Za-z0-9_-]{43})$`, "m").exec(confirmation!.text)![1]!;
}

const checkMails = async (offerId: string) => {
  const { contactEmail } = await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } });
  return (await mailsTo(contactEmail!)).filter((mail) => /noch aktuell|still available/.test(mail.subject));
};
const isListedNow = async (offerId: string, now: Date) =>
  (await listPublicOffers(offerFiltersSchema.parse({}), now)).offers.some((offer) => offer.id === offerId);
const staleOf = async (offerId: string, now: Date) =>
  (await listStaffOffers(demo.coordinator, {}, now)).offers.find((offer) => offer.id === offerId)!.stale;

describe("the seeker's confirmation", () => {
  it("goes to the seeker in their language with a feedback link stored only as a hash, quoting nothing they typed", async () => {
    const offer = await publishedAt(new Date());
    const token = await contact(offer.id, "bestaetigung@example.net", new Date());
    const [confirmation] = await mailsTo("bestaetigung@example.net");
    expect(confirmation).toMatchObject({ subject: "Ваше повідомлення передано", countyId: place.countyId });
    expect(confirmation!.text).not.toMatch(/Olena|SEEKER-TEXT/);
    const stored = await db().offerContact.findFirstOrThrow({ where: { offerId: offer.id } });
    expect(stored.feedbackTokenHash).toBe(hashOfferToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    // No copy of the seeker's mail to the municipality (its copies are of offerers' mails).
    expect((mailbox ? await mailsTo(mailbox) : []).some((mail) => mail.text.includes("/rueckmeldung/"))).toBe(false);
  });
});

describe("a full round", () => {
  const t0 = new Date();
  const at = (days: number, ms = 0) => new Date(t0.getTime() + days * DAY + ms);
  let offerId: string;
  let checkToken: string;

  it("records one feedback per contact, and only through the POST", async () => {
    offerId = (await publishedAt(t0)).id;
    const first = await contact(offerId, "suchende-1@example.net", at(1));
    const second = await contact(offerId, "suchende-2@example.net", at(1, 1000));
    // What the page reads changes nothing (a mail scanner opening the link).
    expect(await feedbackByToken(first)).toMatchObject({ feedback: null, offer: { id: offerId } });
    expect(JSON.stringify(await feedbackByToken(first))).not.toMatch(/suchende-1|Olena|SEEKER-TEXT/);

    expect(await giveFeedback(first, "NO_ANSWER", { now: at(2) })).toEqual({ ok: true, recorded: true, feedback: "NO_ANSWER" });
    expect(await giveFeedback(first, "TAKEN", { now: at(2, 1) })).toEqual({ ok: true, recorded: false, feedback: "NO_ANSWER" });
    await runJob(at(2, 2));
    expect(await checkMails(offerId)).toHaveLength(0); // one mark is not enough
    expect(await giveFeedback(second, "NO_ANSWER", { now: at(3) })).toMatchObject({ ok: true, recorded: true });
    expect((await auditOf("offer.feedback", offerId)).map((event) => event.after)).toEqual([
      { feedback: "NO_ANSWER" },
      { feedback: "NO_ANSWER" },
    ]);
  });

  it("asks the offerer exactly once after the second mark, even with two job runs at once", async () => {
    await Promise.all([runJob(at(3, 1)), runJob(at(3, 1))]);
    await runJob(at(3, 2));
    const checks = await checkMails(offerId);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ subject: "Ist Ihr Angebot noch aktuell?", countyId: place.countyId });
    expect(checks[0]!.text).toContain("Suchende haben uns gemeldet");
    expect(checks[0]!.text).toContain("nach 3 Tagen aus");
    checkToken = /\/de\/verwalten\/([A-Za-z0-9_-]{43})/.exec(checks[0]!.text)![1]!;
    const copies = (await mailsTo(mailbox!)).filter((mail) => mail.subject === "Kopie: Ist Ihr Angebot noch aktuell?");
    expect(copies).toHaveLength(1);
    expect(copies[0]!.text).not.toContain(checkToken);
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ staleCheckSentAt: at(3, 1) });
    expect(await staleOf(offerId, at(4))).toMatchObject({ marks: 2, noAnswer: 2, taken: 0, checkSentAt: at(3, 1), hiddenAt: null });
    expect(await isListedNow(offerId, at(4))).toBe(true); // asked, not yet hidden
  });

  it("hides the offer three days after an unanswered check: list, detail, open data, summary, contact", async () => {
    await runJob(at(6, 0));
    expect(await isListedNow(offerId, at(6, 1))).toBe(true);
    const before = await boardSummary(at(6, 2));
    await runJob(at(6, 1));
    const now = at(6, 2);
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ staleHiddenAt: at(6, 1) });
    expect(await isListedNow(offerId, now)).toBe(false);
    expect(await publicOffer(offerId, now)).toEqual({ state: "ended" });
    expect(await offerIsGone(offerId, now)).toBe(true);
    const openData = await openOfferList(parseListQuery(new URLSearchParams("pageSize=100")), now);
    expect(openData.body.offers.map((offer) => offer.id)).not.toContain(offerId);
    expect((await boardSummary(now)).offers).toBe(before.offers - 1);
    expect(
      await contactOfferer(
        offerId,
        { locale: "de", name: "A", email: "a@example.net", message: "Hallo" },
        { clientAddress: "192.0.2.9", now },
      ),
    ).toEqual({
      ok: false,
      code: "OFFER_ENDED",
    });
    expect(await staleOf(offerId, now)).toMatchObject({ marks: 2, hiddenAt: at(6, 1) });
    expect((await listStaffOffers(demo.coordinator, {}, now)).staleHidden).toBe(1);
    expect(await auditOf("offer.stale-hidden", offerId)).toHaveLength(1);
    expect(await checkMails(offerId)).toHaveLength(1); // no second check while hidden
  });

  it("is visible again once the offerer answers 'Ja, noch aktuell', and earlier marks no longer count", async () => {
    expect(await manageOffer(checkToken, "keep", { now: at(7) })).toMatchObject({ ok: true, state: "published" });
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({
      keptAt: at(7),
      staleCheckSentAt: null,
      staleHiddenAt: null,
    });
    expect(await isListedNow(offerId, at(7, 1))).toBe(true);
    expect(await publicOffer(offerId, at(7, 1))).toMatchObject({ state: "listed" });
    expect(await staleOf(offerId, at(7, 1))).toMatchObject({ marks: 0, noAnswer: 2, checkSentAt: null, hiddenAt: null, keptAt: at(7) });
    await runJob(at(7, 2));
    // A third seeker's mark is one mark of the new round: no check.
    const third = await contact(offerId, "suchende-3@example.net", at(8));
    await giveFeedback(third, "TAKEN", { now: at(8, 1) });
    await runJob(at(8, 2));
    expect(await checkMails(offerId)).toHaveLength(1);
    expect(await auditOf("offer.kept", offerId)).toHaveLength(1);
  });
});

describe("ten days without any action", () => {
  const t0 = new Date(Date.now() + 100 * DAY); // later than the other round, so runs do not cross
  const at = (days: number, ms = 0) => new Date(t0.getTime() + days * DAY + ms);

  it("asks the offerer in the offerer's language, counting from the confirmation and then from an extension", async () => {
    const offer = await publishedAt(t0, "en");
    await runJob(at(10, -1));
    expect(await checkMails(offer.id)).toHaveLength(0);
    await runJob(at(10));
    const [check] = await checkMails(offer.id);
    expect(check).toMatchObject({ subject: "Is your offer still available?" });
    expect(check!.text).toContain("unchanged for 10 days");
    // Extending answers the check too (it says the offer is current) and starts a new round.
    const token = /\/en\/verwalten\/([A-Za-z0-9_-]{43})/.exec(check!.text)![1]!;
    expect(await manageOffer(token, "extend", { now: at(11) })).toMatchObject({ ok: true });
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      keptAt: at(11),
      staleCheckSentAt: null,
    });
    await runJob(at(21, -1));
    expect(await checkMails(offer.id)).toHaveLength(1);
    await runJob(at(21));
    expect(await checkMails(offer.id)).toHaveLength(2);
  });
});

describe("what changes nothing", () => {
  it("a forged, unknown or malformed token, or an unknown kind of feedback", async () => {
    const offer = await publishedAt(new Date());
    const token = await contact(offer.id, "echt@example.net", new Date());
    const before = await db().offerContact.findMany({ orderBy: { id: "asc" } });
    const forged = token.slice(0, 42) + (token.endsWith("A") ? "B" : "A");
    for (const candidate of [forged, "A".repeat(43), "kurz", "", null, 42, `${token}x`]) {
      expect(await feedbackByToken(candidate)).toBeNull();
      expect(await giveFeedback(candidate, "NO_ANSWER")).toEqual({ ok: false, code: "LINK_INVALID" });
    }
    expect(await giveFeedback(token, "SPAM")).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db().offerContact.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a GET of the feedback page: it shows both buttons and records nothing", async () => {
    const { default: FeedbackPage } = await import("../../app/(public)/[locale]/rueckmeldung/[token]/page");
    const offer = await publishedAt(new Date());
    const token = await contact(offer.id, "seite@example.net", new Date(), "de");
    const render = async () => renderBoardPage("de", de, await FeedbackPage({ params: Promise.resolve({ locale: "de", token }) }));
    const html = await render();
    expect(html).toContain("Keine Antwort erhalten");
    expect(html).toContain("Wohnung schon vergeben");
    expect(html.match(/<form/g)).toHaveLength(2);
    await render();
    expect(await db().offerContact.findFirstOrThrow({ where: { offerId: offer.id } })).toMatchObject({ feedback: null, feedbackAt: null });
    await giveFeedback(token, "TAKEN");
    expect(await render()).toContain("Ihre Rückmeldung ist bereits erfasst");
  });

  it("erasing the offer's personal data drops the seeker's link", async () => {
    const offer = await publishedAt(new Date(Date.now() - 60 * DAY));
    const token = await contact(offer.id, "spaeter@example.net", new Date(Date.now() - 59 * DAY));
    await runJob(new Date(offer.expiresAt!.getTime() + 31 * DAY));
    expect(await db().offerContact.findFirstOrThrow({ where: { offerId: offer.id } })).toMatchObject({
      feedbackTokenHash: null,
      senderEmail: null,
    });
    expect(await giveFeedback(token, "NO_ANSWER")).toEqual({ ok: false, code: "LINK_INVALID" });
  });
});
