import type { PrismaClient } from "../db/client";
import type { OfferType } from "../db/generated/enums";

// About 30 invented offers for the demo county, clearly marked as demo, across its
// municipalities, all types and several languages, so that the board's list, filters and the
// staff's oversight are not empty on first start. Addresses use the reserved .example domain.

export const DEMO_OFFER_COUNT = 30;

const TYPES: OfferType[] = ["FLAT", "ROOM", "HOUSE", "SHARED_FLAT_ROOM"];

const DESCRIPTIONS: { language: string; text: string }[] = [
  {
    language: "de",
    text: "Helle Einliegerwohnung mit eigenem Eingang, Bad und kleiner Küche. Bushaltestelle 5 Minuten entfernt, Supermarkt im Ort.",
  },
  {
    language: "de",
    text: "Möbliertes Zimmer in unserem Haus, Küche und Bad teilen wir gern. Wir sind eine Familie mit zwei Kindern und einem Hund.",
  },
  {
    language: "de",
    text: "Ehemalige Ferienwohnung, voll ausgestattet, Waschmaschine vorhanden. Schule und Kindergarten zu Fuß erreichbar.",
  },
  {
    language: "en",
    text: "Quiet flat on the first floor with a balcony. We speak English and a little Ukrainian and are happy to help with appointments.",
  },
  { language: "uk", text: "Світла кімната в затишному будинку. Ми допоможемо з документами та записом до лікаря. Поруч зупинка автобуса." },
  { language: "de", text: "Kleines Haus mit Garten am Ortsrand, ideal für eine Familie. Ein Auto ist hilfreich, der Bus fährt stündlich." },
  { language: "ar", text: "شقة صغيرة مفروشة قريبة من محطة القطار. نتحدث العربية والألمانية ويسعدنا المساعدة في التسجيل لدى البلدية." },
  { language: "ru", text: "Комната в квартире с общей кухней. Хозяева говорят по-русски и по-немецки. Рядом магазин и аптека." },
  {
    language: "de",
    text: "Zimmer in unserer WG (drei Studierende), 18 m², Internet inklusive. Wir freuen uns auf eine Mitbewohnerin oder einen Mitbewohner.",
  },
  { language: "de", text: "Barrierefreie Erdgeschosswohnung, ebenerdige Dusche, Parkplatz vor dem Haus. Arztpraxis im selben Gebäude." },
];

interface Slot {
  status: "PENDING" | "PUBLISHED" | "PLACED" | "DELETED";
  /** Days until expiry (published), or since it ended. */
  days: number;
  wantsAdvice?: boolean;
}

function slotFor(index: number): Slot {
  if (index === 0 || index === 1) return { status: "PENDING", days: 0 };
  if (index === 2) return { status: "PLACED", days: 3, wantsAdvice: true };
  if (index === 3) return { status: "PLACED", days: 10 };
  if (index === 4) return { status: "DELETED", days: 5 };
  if (index === 5) return { status: "PUBLISHED", days: -2 }; // expired two days ago
  return { status: "PUBLISHED", days: 1 + ((index * 7) % 27) };
}

export async function seedDemoOffers(prisma: PrismaClient, options: { countyId: string; now?: Date }): Promise<number> {
  if ((await prisma.housingOffer.count({ where: { countyId: options.countyId, isDemo: true } })) > 0) return 0;
  const now = options.now ?? new Date();
  const municipalities = await prisma.municipality.findMany({ where: { countyId: options.countyId }, orderBy: { name: "asc" } });
  if (!municipalities.length) return 0;
  const day = 86_400_000;
  const rows = Array.from({ length: DEMO_OFFER_COUNT }, (_, index) => {
    const municipality = municipalities[(index * 5) % municipalities.length]!;
    const type = TYPES[index % TYPES.length]!;
    const description = DESCRIPTIONS[index % DESCRIPTIONS.length]!;
    const slot = slotFor(index);
    const durationDays = [3, 7, 14, 30][index % 4]!;
    const free = index % 3 === 0;
    const persons = type === "ROOM" || type === "SHARED_FLAT_ROOM" ? 1 + (index % 2) : 2 + (index % 5);
    const createdAt = new Date(now.getTime() - (slot.status === "PENDING" ? 2 * 3_600_000 : (20 + index) * day));
    const confirmedAt = slot.status === "PENDING" ? null : new Date(createdAt.getTime() + 3_600_000);
    const ended = slot.status === "PLACED" || slot.status === "DELETED";
    return {
      countyId: options.countyId,
      municipalityId: municipality.id,
      status: slot.status,
      locale: ["de", "de", "en", "uk", "ar", "ru"][index % 6]!,
      type,
      postalCode: String(91000 + ((index * 37) % 900)).padStart(5, "0"),
      district: index % 4 === 1 ? `Ortsteil ${String.fromCharCode(65 + (index % 6))}` : null,
      persons,
      rooms: type === "ROOM" || type === "SHARED_FLAT_ROOM" ? 1 : 2 + (index % 4),
      sizeSqm: type === "ROOM" || type === "SHARED_FLAT_ROOM" ? 14 + (index % 8) : 45 + index * 3,
      availableFrom: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + (index % 5) * 7)),
      availableUntil: index % 5 === 2 ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 1)) : null,
      warmRentEuros: free ? null : 250 + ((index * 83) % 900),
      freeOfCharge: free,
      furnished: index % 2 === 0,
      barrierFree: index % 5 === 4,
      petsAllowed: index % 3 === 1,
      languages: ["de", description.language, ...(index % 4 === 0 ? ["en"] : [])].filter(
        (code, position, all) => all.indexOf(code) === position,
      ),
      description: `${description.text} (Beispielangebot)`,
      contactEmail: `anbieter-${index + 1}@demo.musterland.example`,
      contactPhone: index % 3 === 2 ? `0151 2345 ${String(6000 + index)}` : null,
      publishPhone: index % 6 === 2,
      durationDays,
      privacyVersion: 1,
      privacyAcceptedAt: createdAt,
      isDemo: true,
      createdAt,
      confirmedAt,
      expiresAt: confirmedAt ? new Date(now.getTime() + (ended ? -slot.days : slot.days) * day) : null,
      endedAt: ended ? new Date(now.getTime() - slot.days * day) : null,
      endedBy: ended ? ("OFFERER" as const) : null,
      wantsAdvice: slot.wantsAdvice ?? false,
    };
  });
  const created = await prisma.housingOffer.createMany({ data: rows });
  return created.count;
}

/** A privacy notice and an imprint for the demo county, marked as examples (German binding, English added). */
export async function seedDemoLegalTexts(prisma: PrismaClient, countyId: string): Promise<void> {
  const texts = [
    {
      kind: "PRIVACY" as const,
      locale: "de",
      body: "BEISPIELTEXT – vor dem Betrieb durch den Datenschutzhinweis des Landkreises ersetzen.\n\nVerantwortlich ist der Landkreis Musterland. Wir speichern Ihr Angebot und Ihre Kontaktdaten, um das Angebot zu veröffentlichen, Ihnen Nachrichten von Suchenden weiterzuleiten und der Gemeinde die Übersicht zu ermöglichen (Art. 6 Abs. 1 lit. a und e DSGVO).\n\nIhre E-Mail-Adresse wird nie veröffentlicht; Ihre Telefonnummer nur, wenn Sie das wünschen. Jede E-Mail zu Ihrem Angebot geht in Kopie an die Gemeinde.\n\nUnbestätigte Angebote löschen wir nach 48 Stunden. Ihre Kontaktdaten und die Nachrichten von Suchenden löschen wir 30 Tage nach dem Ende des Angebots; übrig bleiben nur Zahlen ohne Personenbezug für die Statistik.\n\nSie haben das Recht auf Auskunft, Berichtigung, Löschung und Beschwerde bei der Aufsichtsbehörde.",
    },
    {
      kind: "PRIVACY" as const,
      locale: "en",
      body: "EXAMPLE TEXT – replace with the county's privacy notice before going live.\n\nThe controller is the county of Musterland. We store your offer and your contact details to publish the offer, to pass on messages from seekers and to let the municipality keep oversight.\n\nYour e-mail address is never published; your phone number only if you wish. Every e-mail about your offer is copied to the municipality.\n\nWe delete unconfirmed offers after 48 hours, and your contact details and seekers' messages 30 days after the offer ended.",
    },
    {
      kind: "IMPRINT" as const,
      locale: "de",
      body: "BEISPIELTEXT – vor dem Betrieb durch das Impressum des Landkreises ersetzen.\n\nLandkreis Musterland\nMusterstraße 1\n99999 Musterstadt\n\nE-Mail: wohnraum@landkreis-musterland.example",
    },
  ];
  for (const text of texts) {
    await prisma.legalText.upsert({
      where: { countyId_kind_locale: { countyId, kind: text.kind, locale: text.locale } },
      update: {},
      create: { countyId, ...text },
    });
  }
}
