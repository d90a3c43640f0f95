import "server-only";
import { berlinDay } from "../dates";
import { env } from "../env";
import type { Locale } from "../i18n/locales";
import { boardCounty, boardMunicipalities } from "./board";
import { languageName } from "./format";
import { legalTextFor } from "./legal";
import { OFFER_LANGUAGES } from "./schema";

/** What the offer form needs, for the board's page and the embeddable one alike. */
export async function loadOfferFormPage(locale: Locale) {
  const county = await boardCounty();
  const [municipalities, privacy] = await Promise.all([boardMunicipalities(county.id), legalTextFor(county.id, "PRIVACY", "de")]);
  return {
    county,
    hasPrivacyText: privacy !== null,
    form: {
      locale,
      today: berlinDay(),
      defaultDays: county.offerDefaultDays,
      municipalities,
      languages: OFFER_LANGUAGES.map((code) => ({ code, name: languageName(locale, code) })),
      showCatcherNote: env().MAIL_CATCHER,
    },
  };
}
