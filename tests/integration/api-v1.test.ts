import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOffer } from "../../app/api/v1/offers/[id]/route";
import { GET as getFeed } from "../../app/api/v1/offers.atom/route";
import { GET as listOffers, OPTIONS as preflightOffers } from "../../app/api/v1/offers/route";
import { GET as getOpenApi } from "../../app/api/v1/openapi.json/route";
import { isRealDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { offerFiltersSchema } from "../../lib/offers/filters";
import { offerChangedAt } from "../../lib/offers/open-data/etag";
import { listQuerySchema } from "../../lib/offers/open-data/schemas";
import { listPublicOffers, publicOffer } from "../../lib/offers/queries";
import { createOffer, DAY, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// The open-data API (/api/v1) through its route handlers, on real offers: the same offers as the
// public list, never contact data beyond a published phone, conditional requests, the Atom feed,
// and every answer checked against the openapi.json the API serves.

const HOUR = 3_600_000;
type ListBody = Record<string, unknown> & { offers: { id: string }[] };
const base = "http://localhost/api/v1";
let place: Record<"a" | "b" | "other", Place>;
let countySlug: string;
/** Every body the API answered: searched for contact data at the end. */
const answered: string[] = [];

async function call(handler: (request: Request, context: never) => Promise<Response>, url: string, context: unknown = {}, headers = {}) {
  const response = await handler(new Request(url.startsWith("http") ? url : `${base}${url}`, { headers }), context as never);
  const text = await response.text();
  answered.push(text);
  return { response, text, json: <T = ListBody>() => JSON.parse(text) as T };
}
const list = (query = "", headers = {}) => call(listOffers, `/offers${query}`, {}, headers);
const detail = (id: string, headers = {}) =>
  call(getOffer, `/offers/${encodeURIComponent(id)}`, { params: Promise.resolve({ id }) }, headers);

let phones = 0;
/** A published offer confirmed `hoursAgo` hours ago for 7 days, with a phone of its own. */
function published(where: Place, hoursAgo: number, extra: Parameters<typeof createOffer>[2] = {}) {
  const confirmedAt = new Date(Date.now() - hoursAgo * HOUR);
  return createOffer(where, "published", {
    confirmedAt,
    expiresAt: new Date(confirmedAt.getTime() + 7 * DAY),
    contactPhone: `0711 555 ${String(++phones).padStart(4, "0")}`,
    ...extra,
  });
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ places: place } = await seedBoardPlaces());
  // Everything in the past by an hour or more, so a change made now moves Last-Modified.
  const county = await db().county.update({ where: { id: place.a.countyId }, data: { createdAt: new Date(Date.now() - 30 * DAY) } });
  countySlug = county.slug;
  ids.flat = (
    await published(place.a, 2, {
      persons: 4,
      freeOfCharge: false,
      warmRentEuros: 650,
      barrierFree: true,
      publishPhone: true,
      description: 'Helle <b>Wohnung</b> & "Garten" <script>',
    })
  ).id;
  ids.room = (await published(place.a, 3, { type: "ROOM", persons: 1, petsAllowed: true, languages: ["de", "uk"] })).id;
  ids.house = (
    await published(place.b, 4, {
      type: "HOUSE",
      persons: 6,
      freeOfCharge: false,
      warmRentEuros: 1200,
      availableFrom: new Date("2027-03-01T00:00:00Z"),
      availableUntil: new Date("2027-12-31T00:00:00Z"),
    })
  ).id;
  for (let i = 0; i < 20; i++) {
    await published(i % 2 ? place.a : place.b, 5 + i, {
      type: i % 3 ? "FLAT" : "SHARED_FLAT_ROOM",
      persons: 1 + (i % 5),
      ...(i % 4 ? { freeOfCharge: false, warmRentEuros: 300 + i * 40 } : {}),
      availableFrom: new Date(Date.UTC(2026, 11, 1 + i)),
      publishPhone: i % 7 === 0,
    });
  }
  for (const kind of ["pending", "expired", "placed", "deleted"] as const) ids[kind] = (await createOffer(place.a, kind)).id;
  ids.foreign = (await published(place.other, 1)).id;
});

describe("the list", () => {
  const sameAsPublicList = [
    "",
    "?gemeinde=kommune-a",
    "?art=FLAT&sortierung=miete",
    "?personen=3&sortierung=frei",
    "?miete=500",
    "?ab=2026-12-05&barrierefrei=1",
    "?haustiere=1",
    "?gemeinde=kommune-b&miete=1000&sortierung=miete",
  ];

  it.each(sameAsPublicList)("answers the public list's offers in its order for %j", async (query) => {
    const params = Object.fromEntries(new URLSearchParams(query));
    for (const seite of [1, 2]) {
      const expected = await listPublicOffers(offerFiltersSchema.parse({ ...params, seite }));
      expect(expected.total).toBeGreaterThan(0);
      const { response, json } = await list(`?${new URLSearchParams({ ...params, seite: String(seite) }).toString()}`);
      expect(response.status).toBe(200);
      const body = json();
      expect(body.total).toBe(expected.total);
      // The HTML list shows its last page for one past the end; the API answers it empty.
      expect(body.offers.map((offer) => offer.id)).toEqual(seite > expected.pages ? [] : expected.offers.map((offer) => offer.id));
    }
  });

  it("answers the board county's listed offers in the public shape, with county and links", async () => {
    const { response, json } = await list("?pageSize=100");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = json();
    expect(body).toMatchObject({ county: { slug: countySlug }, total: 23, page: 1, pages: 1, pageSize: 100 });
    const returned = body.offers.map((offer) => offer.id);
    expect(returned).toContain(ids.flat);
    for (const gone of ["pending", "expired", "placed", "deleted", "foreign"]) expect(returned).not.toContain(ids[gone]);
    expect(body.offers.find((offer) => offer.id === ids.house)).toEqual({
      id: ids.house,
      url: `http://localhost:3999/de/angebote/${ids.house}`,
      type: "HOUSE",
      municipality: { name: "Kommune B", slug: "kommune-b" },
      postalCode: "12345",
      district: null,
      persons: 6,
      rooms: null,
      sizeSqm: null,
      availableFrom: "2027-03-01",
      availableUntil: "2027-12-31",
      warmRentEuros: 1200,
      freeOfCharge: false,
      furnished: false,
      barrierFree: false,
      petsAllowed: false,
      languages: ["de"],
      description: "Helle Wohnung",
      phone: null,
      demo: false,
      expiresAt: expect.stringMatching(/Z$/) as unknown,
      confirmedAt: expect.stringMatching(/Z$/) as unknown,
    });
    expect(body.offers.find((offer) => offer.id === ids.flat)).toMatchObject({ phone: "0711 555 0001" });
    expect(body.links).toEqual({ self: "http://localhost:3999/api/v1/offers?pageSize=100", next: null, prev: null });
  });

  it("pages by seite and pageSize, and the next links walk the whole list once", async () => {
    const all = (await list("?pageSize=100")).json().offers.map((offer) => offer.id);
    const walked: string[] = [];
    let url: string | null = `${base}/offers?sortierung=neu&pageSize=5&gemeinde=`;
    while (url) {
      type Page = { offers: { id: string }[]; links: { next: string | null }; pages: number };
      const body: Page = (await call(listOffers, url)).json<Page>();
      expect(body.pages).toBe(5);
      walked.push(...body.offers.map((offer) => offer.id));
      url = body.links.next;
    }
    expect(walked).toEqual(all);
    const last = (await list("?pageSize=5&seite=5")).json();
    expect(last.links).toEqual({
      self: "http://localhost:3999/api/v1/offers?seite=5&pageSize=5",
      next: null,
      prev: "http://localhost:3999/api/v1/offers?seite=4&pageSize=5",
    });
    const past = (await list("?pageSize=5&seite=9")).json();
    expect(past).toMatchObject({
      page: 9,
      pages: 5,
      offers: [],
      links: { next: null, prev: expect.stringContaining("seite=5") as unknown },
    });
  });

  it("answers a CORS preflight, so scripts elsewhere may send their own If-None-Match", async () => {
    const response = await preflightOffers(new Request(`${base}/offers`, { method: "OPTIONS" }), {});
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");
  });

  it.each([
    ["?personen=abc", "personen"],
    ["?personen=0", "personen"],
    ["?art=CASTLE", "art"],
    ["?ab=2026-02-30", "ab"],
    ["?barrierefrei=ja", "barrierefrei"],
    ["?sortierung=alt", "sortierung"],
    ["?seite=0", "seite"],
    ["?pageSize=101", "pageSize"],
    ["?art=FLAT&art=ROOM", "art"],
    ["?persons=3", "persons"],
  ])("refuses %s with 400 naming %s", async (query, parameter) => {
    const { response, json } = await list(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = json<{ error: string; message: string; fieldErrors: Record<string, string[]> }>();
    expect(body.error).toBe("VALIDATION");
    expect(Object.keys(body.fieldErrors)).toEqual([parameter]);
    expect(body.message).toContain(parameter);
  });
});

describe("one offer", () => {
  it("answers like publicOffer: 200 listed, 410 no longer listed, 404 unknown or another county's", async () => {
    for (const [name, status] of [
      ["flat", 200],
      ["pending", 410],
      ["expired", 410],
      ["placed", 410],
      ["deleted", 410],
      ["foreign", 404],
    ] as const) {
      const id = ids[name]!;
      const { response, json } = await detail(id);
      expect(response.status, name).toBe(status);
      const found = await publicOffer(id);
      expect(found ? (found.state === "listed" ? 200 : 410) : 404).toBe(status);
      if (status !== 200) expect(json().error).toBe(status === 410 ? "GONE" : "NOT_FOUND");
    }
    expect((await detail("gibt-es-nicht")).response.status).toBe(404);
    expect((await detail("../../etc")).response.status).toBe(404);
    const { json } = await detail(ids.flat!);
    expect(json()).toMatchObject({ id: ids.flat, phone: "0711 555 0001", description: 'Helle <b>Wohnung</b> & "Garten" <script>' });
  });
});

describe("conditional requests", () => {
  it("answers 304 to a current If-None-Match or If-Modified-Since, 200 otherwise", async () => {
    for (const get of [(headers = {}) => list("?gemeinde=kommune-a", headers), (headers = {}) => detail(ids.flat!, headers)]) {
      const first = (await get()).response;
      const etag = first.headers.get("ETag")!;
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(new Date(first.headers.get("Last-Modified")!).getTime()).toBeLessThan(Date.now());
      expect((await get()).response.headers.get("ETag")).toBe(etag);

      const again = await get({ "If-None-Match": etag });
      expect(again.response.status).toBe(304);
      expect(again.text).toBe("");
      expect(again.response.headers.get("ETag")).toBe(etag);
      expect(again.response.headers.get("Cache-Control")).toBe("public, max-age=60");
      expect(again.response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect((await get({ "If-Modified-Since": first.headers.get("Last-Modified")! })).response.status).toBe(304);
    }
    const { response } = await list("?gemeinde=kommune-a");
    const [etag, modified] = [response.headers.get("ETag")!, response.headers.get("Last-Modified")!];
    expect((await list("?gemeinde=kommune-a", { "If-None-Match": `"abc", ${etag}` })).response.status).toBe(304);
    expect((await list("?gemeinde=kommune-a", { "If-None-Match": '"abc"' })).response.status).toBe(200);
    // Another query is another representation.
    expect((await list("?gemeinde=kommune-b", { "If-None-Match": etag })).response.status).toBe(200);
    expect((await list("?gemeinde=kommune-a", { "If-Modified-Since": modified })).response.status).toBe(304);
    const earlier = new Date(new Date(modified).getTime() - 1000).toUTCString();
    expect((await list("?gemeinde=kommune-a", { "If-Modified-Since": earlier })).response.status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await list("?gemeinde=kommune-a", { "If-None-Match": '"abc"', "If-Modified-Since": modified })).response.status).toBe(200);
  });

  it("changes ETag and Last-Modified when an offer is published, ended or extended", async () => {
    const validators = async () => {
      const { response } = await list("?gemeinde=kommune-a");
      return { etag: response.headers.get("ETag")!, modified: response.headers.get("Last-Modified")! };
    };
    const stale = async (before: { etag: string; modified: string }) => {
      expect((await list("?gemeinde=kommune-a", { "If-None-Match": before.etag })).response.status).toBe(200);
      expect((await list("?gemeinde=kommune-a", { "If-Modified-Since": before.modified })).response.status).toBe(200);
      const after = await validators();
      expect(after.etag).not.toBe(before.etag);
      return after;
    };
    let current = await validators();

    // Published (as the confirmation link does it) half an hour ago.
    const confirmedAt = new Date(Date.now() - 30 * 60_000);
    await db().housingOffer.update({
      where: { id: ids.pending },
      data: { status: "PUBLISHED", confirmedAt, expiresAt: new Date(confirmedAt.getTime() + 7 * DAY) },
    });
    current = await stale(current);
    expect(new Date(current.modified).getTime()).toBe(Math.floor(confirmedAt.getTime() / 1000) * 1000);

    // Ended (placed) twenty minutes ago.
    await db().housingOffer.update({
      where: { id: ids.room },
      data: { status: "PLACED", endedAt: new Date(Date.now() - 20 * 60_000), endedBy: "OFFERER" },
    });
    current = await stale(current);

    // Extended: only expiresAt moves, and its time is not stored.
    const flat = await db().housingOffer.findUniqueOrThrow({ where: { id: ids.flat } });
    await db().housingOffer.update({ where: { id: ids.flat }, data: { expiresAt: new Date(flat.expiresAt!.getTime() + 7 * DAY) } });
    await stale(current);
    expect((await detail(ids.room!)).response.status).toBe(410);
  });

  it("dates a listed offer's last change: its confirmation, or for an extension a bound that is never too early", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    const confirmedAt = new Date("2026-12-01T08:00:00Z");
    const asConfirmed = { confirmedAt, expiresAt: new Date(confirmedAt.getTime() + 14 * DAY), durationDays: 14 };
    expect(offerChangedAt(asConfirmed, now)).toEqual(confirmedAt);
    // Extended on 2026-12-10 after expiring: expiry = then + 7 days.
    const lateExtension = { ...asConfirmed, durationDays: 7, expiresAt: new Date(now.getTime() + 7 * DAY) };
    expect(offerChangedAt(lateExtension, now)).toEqual(now);
    // Extended early: the expiry moved by 7 days from the future; the instant is only bounded by now.
    const early = { ...asConfirmed, expiresAt: new Date(asConfirmed.expiresAt.getTime() + 7 * DAY) };
    expect(offerChangedAt(early, now)).toEqual(now);
  });
});

describe("the Atom feed", () => {
  it("is well-formed Atom with one escaped entry per listed offer, newest first", async () => {
    const { response, text } = await call(getFeed, "/offers.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("ETag")).toBeTruthy();
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expectWellFormed(text);
    const listed = (await list("?pageSize=100")).json();
    expect(text.match(/<entry>/g)).toHaveLength(Math.min(50, listed.offers.length));
    expect([...text.matchAll(/<link rel="alternate" type="text\/html" href="[^"]*\/de\/angebote\/([^"]+)"\/>/g)].map((m) => m[1])).toEqual(
      listed.offers.map((offer) => offer.id),
    );
    expect(text).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(text).toContain(`<id>tag:localhost,`);
    expect(text).toContain('<title type="text">Wohnung für 4 Personen in Kommune A</title>');
    expect(text).toContain("Helle &lt;b&gt;Wohnung&lt;/b&gt; &amp; &quot;Garten&quot; &lt;script&gt;");
    expect(text).not.toContain("<script>");
    expect(text).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
    const etag = response.headers.get("ETag")!;
    expect((await call(getFeed, "/offers.atom", {}, { "If-None-Match": etag })).response.status).toBe(304);
  });
});

/** Tags nest and close, attributes are quoted, text holds no bare < or &. */
function expectWellFormed(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("\n") + 1);
  const stack: string[] = [];
  let roots = 0;
  for (const part of body.split(/(<[^>]*>)/)) {
    if (part.startsWith("<")) {
      const tag = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(part);
      expect(tag, part).not.toBeNull();
      const [, closing, name, , selfClosing] = tag!;
      if (closing) expect(stack.pop(), part).toBe(name);
      else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name!);
      }
    } else {
      expect(part, "text").not.toMatch(/<|&(?!(?:amp|lt|gt|quot|apos);)/);
      if (stack.length === 0) expect(part.trim()).toBe("");
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe("the contract: openapi.json", () => {
  type Operation = { parameters: { name: string; in: string }[]; responses: Record<string, unknown> };
  let document: { openapi: string; paths: Record<string, { get: Operation }> };
  let ajv: Ajv2020;

  beforeAll(async () => {
    const { response, json } = await call(getOpenApi, "/openapi.json");
    expect(response.status).toBe(200);
    document = json<typeof document>();
    ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // The document itself is not a schema; its schemas are reached by JSON pointer.
    ajv.addVocabulary(["openapi", "info", "servers", "paths", "components", "jsonSchemaDialect"]);
    ajv.addFormat("date", { validate: (value: string) => isRealDay(value) });
    ajv.addFormat("date-time", { validate: (value: string) => !Number.isNaN(Date.parse(value)) });
    ajv.addFormat("uri", { validate: (value: string) => URL.canParse(value) });
    ajv.addSchema(document, "openapi.json");
  });

  const pointer = (path: string, status: string) =>
    `openapi.json#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/get/responses/${status}/content/application~1json/schema`;

  function schemaFor(path: string, status: string): ValidateFunction {
    const validate = ajv.getSchema(pointer(path, status));
    if (!validate) throw new Error(`No schema for ${path} ${status}`);
    return validate;
  }

  function expectValid(path: string, status: number, body: unknown) {
    const key = String(status) in document.paths[path]!.get.responses ? String(status) : "default";
    const validate = schemaFor(path, key);
    validate(body);
    expect(validate.errors ?? [], `${path} ${status}`).toEqual([]);
  }

  it("is OpenAPI 3.1 and names exactly the parameters the list accepts", () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const query = document.paths["/offers"]!.get.parameters.filter((parameter) => parameter.in === "query").map((p) => p.name);
    expect(query).toEqual(Object.keys(listQuerySchema.shape));
  });

  it("describes the real answers: lists, offers and errors", async () => {
    for (const query of ["", "?pageSize=3&seite=2&sortierung=miete", "?gemeinde=kommune-b&art=HOUSE", "?seite=99"]) {
      const { response, json } = await list(query);
      expectValid("/offers", response.status, json());
    }
    for (const query of ["?personen=abc", "?foo=1"]) {
      const { response, json } = await list(query);
      expect(response.status).toBe(400);
      expectValid("/offers", 400, json());
    }
    for (const name of ["flat", "house", "expired", "foreign"]) {
      const { response, json } = await detail(ids[name]!);
      expectValid("/offers/{id}", response.status, json());
    }
  });

  it("has teeth: a field the contract does not name fails it", async () => {
    const offer = (await detail(ids.house!)).json();
    const validate = schemaFor("/offers/{id}", "200");
    expect(validate({ ...offer, contactEmail: "x@example.org" })).toBe(false);
    expect(validate({ ...offer, availableFrom: "2027-02-30" })).toBe(false);
    const { phone: _phone, ...withoutPhone } = offer;
    expect(validate(withoutPhone)).toBe(false);
  });
});

describe("contact data", () => {
  it("never leaves: no offerer's e-mail address in any answer, a phone only where published on a listed offer", async () => {
    const offers = await db().housingOffer.findMany({ select: { id: true, contactEmail: true, contactPhone: true, publishPhone: true } });
    const everything = answered.join("\n");
    expect(answered.length).toBeGreaterThan(50);
    for (const offer of offers) {
      expect(everything).not.toContain(offer.contactEmail!);
      expect(everything).not.toContain(offer.contactEmail!.split("@")[0]);
      const listed = (await publicOffer(offer.id))?.state === "listed";
      if (!(listed && offer.publishPhone)) expect(everything, offer.id).not.toContain(offer.contactPhone!);
    }
    expect(everything).toContain("0711 555 0001");
  });
});
