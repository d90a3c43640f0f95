import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { OfferFilters } from "@/lib/offers/filters";
import { escapeXml } from "@/lib/exports/svg";
import { OFFER_TYPES } from "@/lib/offers/schema";

/** The municipality select's options as markup, the chosen one selected; names and slugs escaped. */
export function municipalityOptions(anyLabel: string, municipalities: { slug: string; name: string }[], chosen?: string): string {
  const option = (value: string, label: string) =>
    `<option value="${escapeXml(value)}"${value === (chosen ?? "") ? " selected" : ""}>${escapeXml(label)}</option>`;
  return option("", anyLabel) + municipalities.map((municipality) => option(municipality.slug, municipality.name)).join("");
}

const controlClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900";

// A plain GET form: the filters end up in the URL, so they can be shared, bookmarked, and used
// without JavaScript.
export async function OfferFiltersForm({
  locale,
  filters,
  municipalities,
}: {
  locale: Locale;
  filters: OfferFilters;
  municipalities: { slug: string; name: string }[];
}) {
  const [t, tt] = await Promise.all([getTranslations({ locale, namespace: "list" }), getTranslations({ locale, namespace: "types" })]);
  const tf = await getTranslations({ locale, namespace: "fields" });
  const tof = await getTranslations({ locale, namespace: "offerForm" });
  const active = [
    filters.gemeinde,
    filters.art,
    filters.personen,
    filters.miete,
    filters.ab,
    filters.barrierefrei,
    filters.haustiere,
    filters.kosten,
  ].filter((value) => value !== undefined).length;
  // Folded by default so that the offers themselves are on the first screen, also on a phone;
  // open while filters are set, so they can be seen and changed.
  return (
    <details open={active > 0} className="rounded-lg bg-white shadow">
      <summary className="cursor-pointer px-4 py-3 text-lg font-semibold">
        {t("filters")}
        {active > 0 && <span className="ms-2 text-base font-normal text-slate-700">({t("activeFilters", { count: active })})</span>}
      </summary>
      <form method="get" action={`/${locale}/angebote`} className="px-4 pb-4">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label className="flex flex-col gap-1 text-sm font-medium">
            {tf("municipality")}
            {/* A county may have hundreds of municipalities: their options are one string, not an element each. */}
            <select
              name="gemeinde"
              className={controlClass}
              dangerouslySetInnerHTML={{ __html: municipalityOptions(t("anyMunicipality"), municipalities, filters.gemeinde) }}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {tf("type")}
            <select name="art" defaultValue={filters.art ?? ""} className={controlClass}>
              <option value="">{t("anyType")}</option>
              {OFFER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {tt(type)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("minPersons")}
            <input name="personen" type="number" min={1} max={50} defaultValue={filters.personen ?? ""} className={controlClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("maxRent")}
            <input name="miete" type="number" min={0} max={20000} defaultValue={filters.miete ?? ""} className={controlClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("availableBy")}
            <input name="ab" type="date" defaultValue={filters.ab ?? ""} className={controlClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("sort")}
            <select name="sortierung" defaultValue={filters.sortierung} className={controlClass}>
              <option value="neu">{t("sortNewest")}</option>
              <option value="frei">{t("sortAvailable")}</option>
              <option value="miete">{t("sortRent")}</option>
            </select>
          </label>
          <fieldset className="flex flex-col justify-end gap-1 text-sm">
            <legend className="sr-only">{tof("features")}</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="barrierefrei" value="1" defaultChecked={filters.barrierefrei === "1"} className="h-4 w-4" />
              {t("onlyBarrierFree")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="haustiere" value="1" defaultChecked={filters.haustiere === "1"} className="h-4 w-4" />
              {t("onlyPets")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="kosten" value="1" defaultChecked={filters.kosten === "1"} className="h-4 w-4" />
              {t("onlyCostsCovered")}
            </label>
          </fieldset>
          <div className="flex flex-wrap items-end gap-3">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              {t("apply")}
            </button>
            <a href={`/${locale}/angebote`} className="py-2 text-brand-700 underline">
              {t("reset")}
            </a>
          </div>
        </div>
      </form>
    </details>
  );
}
