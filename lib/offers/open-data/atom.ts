import { dateToDay, formatDay } from "../../dates";
import de from "../../i18n/messages/de.json";
import type { OpenOffer } from "./schemas";

// The newest listed offers as an Atom 1.0 feed (RFC 4287), in German, for feed readers and apps
// that poll. Entries are text only: the offerer's description is escaped, never markup.

export const FEED_SIZE = 50;
export const ATOM_TYPE = "application/atom+xml; charset=utf-8";

// Characters XML 1.0 cannot carry at all, not even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const persons = (count: number) => `${count} ${count === 1 ? "Person" : "Personen"}`;

/** "Wohnung für 4 Personen in Kommune B" */
export function offerTitle(offer: OpenOffer): string {
  return `${de.types[offer.type]} für ${persons(offer.persons)} in ${offer.municipality.name}`;
}

function offerText(offer: OpenOffer): string {
  const size = [offer.rooms && `${offer.rooms} Zimmer`, offer.sizeSqm && `${offer.sizeSqm} m²`].filter(Boolean).join(", ");
  const features = [offer.furnished && "möbliert", offer.barrierFree && "barrierefrei", offer.petsAllowed && "Haustiere erlaubt"];
  const facts = [
    offer.demo && "Beispieldaten, kein echtes Angebot.",
    `${offer.postalCode} ${offer.municipality.name}${offer.district ? `, ${offer.district}` : ""}`,
    `Frei ab ${formatDay(offer.availableFrom)}${offer.availableUntil ? ` bis ${formatDay(offer.availableUntil)}` : ""}`,
    offer.freeOfCharge || offer.warmRentEuros === null ? "Kostenfrei" : `${offer.warmRentEuros} € warm im Monat`,
    [size, ...features].filter(Boolean).join(", "),
  ].filter(Boolean);
  return `${facts.join("\n")}\n\n${offer.description}`;
}

/** A tag: URI (RFC 4151): stable as long as the host stays, unlike the page address's path. */
const tagUri = (host: string, since: Date, specific: string) => `tag:${host},${dateToDay(since)}:${specific}`;

export interface FeedInput {
  base: string;
  county: { name: string; slug: string; createdAt: Date };
  offers: OpenOffer[];
}

export function atomFeed({ base, county, offers }: FeedInput): string {
  const host = new URL(base).hostname;
  // The newest publication, not Last-Modified: that may be bounded by "now" (an extension), and a
  // feed whose <updated> moves on every request would never be the same twice.
  const updated = offers.reduce(
    (newest, offer) => (offer.confirmedAt > newest ? offer.confirmedAt : newest),
    county.createdAt.toISOString(),
  );
  const entries = offers.map((offer) => {
    const confirmed = new Date(offer.confirmedAt);
    return [
      "  <entry>",
      `    <id>${xmlEscape(tagUri(host, confirmed, `angebot/${offer.id}`))}</id>`,
      `    <title type="text">${xmlEscape(offerTitle(offer))}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(offer.url)}"/>`,
      // An extension only moves the expiry: not a change a reader needs to see again.
      `    <published>${offer.confirmedAt}</published>`,
      `    <updated>${offer.confirmedAt}</updated>`,
      `    <content type="text">${xmlEscape(offerText(offer))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <id>${xmlEscape(tagUri(host, county.createdAt, `angebote/${county.slug}`))}</id>`,
    `  <title type="text">${xmlEscape(`Wohnraumangebote – ${county.name}`)}</title>`,
    `  <subtitle type="text">Die ${FEED_SIZE} zuletzt veröffentlichten Angebote der Wohnraumbörse.</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${base}/api/v1/offers.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/de/angebote`)}"/>`,
    `  <author><name>${xmlEscape(county.name)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
