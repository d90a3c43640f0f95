"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldFrame, SelectField, TextField, describedBy } from "@/components/ui/field";
import { submitOfferAction } from "@/lib/offers/actions";
import { BOARD_IDLE } from "@/lib/offers/form-state";
import { DESCRIPTION_MAX, OFFER_DURATIONS, OFFER_TYPES, offerInputSchema } from "@/lib/offers/schema";
import { Honeypot } from "./honeypot";
import { useClientValidation } from "./use-client-validation";

interface Props {
  locale: string;
  today: string;
  defaultDays: number;
  municipalities: { id: string; name: string }[];
  /** Language names in the page's language, by code. */
  languages: { code: string; name: string }[];
  showCatcherNote: boolean;
}

const boxClass = "flex flex-col gap-4 rounded-lg bg-white p-6 shadow";
const legendClass = "text-xl font-semibold";

export function OfferForm({ locale, today, defaultDays, municipalities, languages, showCatcherNote }: Props) {
  const t = useTranslations("offerForm");
  const tf = useTranslations("fields");
  const th = useTranslations("hints");
  const tt = useTranslations("types");
  const [state, action] = useActionState(submitOfferAction, BOARD_IDLE);
  const { clientErrors, clientMessage, onSubmit } = useClientValidation(() => offerInputSchema(today), ["languages"]);
  const errors = clientErrors ?? state.fieldErrors ?? {};
  const message = clientMessage ?? (state.status === "error" ? state.message : undefined);
  const text = (key: string, fallback = "") => (typeof state.values?.[key] === "string" ? state.values[key] : fallback);
  const ticked = (key: string) => state.values?.[key] === "on";
  const chosenLanguages = Array.isArray(state.values?.languages) ? state.values.languages : [];

  if (state.status === "success") {
    return (
      <Alert tone="success" title={t("doneTitle")}>
        <p>{t("doneText", { email: state.detail ?? "" })}</p>
        {showCatcherNote && <p className="mt-2 text-sm">{t("tryItNote")}</p>}
      </Alert>
    );
  }
  const checkbox = (name: string, label: string) => (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={ticked(name)} className="h-4 w-4" />
      {label}
    </label>
  );
  return (
    // React resets a form after its action; selects would fall back to their first default. A new
    // key per answer mounts the form afresh with the values the person entered.
    <form
      key={state.values ? JSON.stringify(state.values) : "empty"}
      action={action}
      onSubmit={onSubmit}
      className="relative flex flex-col gap-6"
      noValidate
    >
      {message && <Alert tone="error">{message}</Alert>}
      <input type="hidden" name="locale" value={locale} />
      <Honeypot label={tf("website")} />

      <div role="group" aria-labelledby="gruppe-place" className={boxClass}>
        <h2 id="gruppe-place" className={legendClass}>
          {t("place")}
        </h2>
        <SelectField
          id="municipalityId"
          name="municipalityId"
          label={tf("municipality")}
          defaultValue={text("municipalityId")}
          errors={errors.municipalityId}
          required
        >
          <option value="">{t("choose")}</option>
          {municipalities.map((municipality) => (
            <option key={municipality.id} value={municipality.id}>
              {municipality.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="postalCode"
          name="postalCode"
          label={tf("postalCode")}
          hint={th("postalCode")}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={5}
          required
          defaultValue={text("postalCode")}
          errors={errors.postalCode}
        />
        <TextField
          id="district"
          name="district"
          label={tf("district")}
          maxLength={100}
          defaultValue={text("district")}
          errors={errors.district}
        />
      </div>

      <div role="group" aria-labelledby="gruppe-housing" className={boxClass}>
        <h2 id="gruppe-housing" className={legendClass}>
          {t("housing")}
        </h2>
        <SelectField id="type" name="type" label={tf("type")} defaultValue={text("type")} errors={errors.type} required>
          <option value="">{t("choose")}</option>
          {OFFER_TYPES.map((type) => (
            <option key={type} value={type}>
              {tt(type)}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField
            id="persons"
            name="persons"
            type="number"
            min={1}
            max={50}
            label={tf("persons")}
            required
            defaultValue={text("persons")}
            errors={errors.persons}
          />
          <TextField
            id="rooms"
            name="rooms"
            type="number"
            min={1}
            max={50}
            label={tf("rooms")}
            defaultValue={text("rooms")}
            errors={errors.rooms}
          />
          <TextField
            id="sizeSqm"
            name="sizeSqm"
            type="number"
            min={5}
            max={2000}
            label={tf("sizeSqm")}
            defaultValue={text("sizeSqm")}
            errors={errors.sizeSqm}
          />
        </div>
        <FieldFrame id="description" label={tf("description")} hint={th("description")} errors={errors.description}>
          <textarea
            id="description"
            name="description"
            rows={6}
            maxLength={DESCRIPTION_MAX}
            required
            dir="auto"
            defaultValue={text("description")}
            aria-invalid={errors.description?.length ? true : undefined}
            aria-describedby={describedBy("description", errors.description, th("description"))}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700"
          />
        </FieldFrame>
      </div>

      <div role="group" aria-labelledby="gruppe-terms" className={boxClass}>
        <h2 id="gruppe-terms" className={legendClass}>
          {t("terms")}
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            id="availableFrom"
            name="availableFrom"
            type="date"
            min={today}
            label={tf("availableFrom")}
            required
            defaultValue={text("availableFrom", today)}
            errors={errors.availableFrom}
          />
          <TextField
            id="availableUntil"
            name="availableUntil"
            type="date"
            min={today}
            label={tf("availableUntil")}
            hint={th("availableUntil")}
            defaultValue={text("availableUntil")}
            errors={errors.availableUntil}
          />
          <TextField
            id="warmRent"
            name="warmRent"
            type="number"
            min={1}
            max={20000}
            label={tf("warmRent")}
            hint={th("rent")}
            defaultValue={text("warmRent")}
            errors={errors.warmRent}
          />
          <div className="flex items-end pb-2">{checkbox("freeOfCharge", tf("freeOfCharge"))}</div>
        </div>
      </div>

      <div role="group" aria-labelledby="gruppe-features" className={boxClass}>
        <h2 id="gruppe-features" className={legendClass}>
          {t("features")}
        </h2>
        <div className="flex flex-wrap gap-6">
          {checkbox("furnished", tf("furnished"))}
          {checkbox("barrierFree", tf("barrierFree"))}
          {checkbox("petsAllowed", tf("petsAllowed"))}
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{tf("languages")}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {languages.map((language) => (
              <label key={language.code} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="languages"
                  value={language.code}
                  defaultChecked={chosenLanguages.includes(language.code)}
                  className="h-4 w-4"
                />
                {language.name}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <div role="group" aria-labelledby="gruppe-contact" className={boxClass}>
        <h2 id="gruppe-contact" className={legendClass}>
          {t("contact")}
        </h2>
        <TextField
          id="email"
          name="email"
          type="email"
          label={tf("email")}
          hint={th("email")}
          autoComplete="email"
          maxLength={254}
          required
          defaultValue={text("email")}
          errors={errors.email}
        />
        <TextField
          id="phone"
          name="phone"
          type="tel"
          label={tf("phone")}
          hint={th("phone")}
          autoComplete="tel"
          maxLength={30}
          defaultValue={text("phone")}
          errors={errors.phone}
        />
        {checkbox("publishPhone", tf("publishPhone"))}
      </div>

      <div role="group" aria-labelledby="gruppe-publication" className={boxClass}>
        <h2 id="gruppe-publication" className={legendClass}>
          {t("publication")}
        </h2>
        <SelectField
          id="durationDays"
          name="durationDays"
          label={tf("duration")}
          defaultValue={text("durationDays", String(defaultDays))}
          errors={errors.durationDays}
        >
          {OFFER_DURATIONS.map((days) => (
            <option key={days} value={days}>
              {tf("days", { count: days })}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="privacy"
              defaultChecked={ticked("privacy")}
              required
              aria-invalid={errors.privacy?.length ? true : undefined}
              aria-describedby={errors.privacy?.length ? "privacy-error" : undefined}
              className="mt-1 h-4 w-4"
            />
            <span>
              {tf.rich("privacy", {
                link: (chunks) => (
                  <a href={`/${locale}/datenschutz`} target="_blank" rel="noopener" className="text-brand-700 underline">
                    {chunks}
                  </a>
                ),
              })}
            </span>
          </label>
          {errors.privacy?.length ? (
            <p id="privacy-error" className="text-sm font-medium text-red-700">
              {errors.privacy.join(" ")}
            </p>
          ) : null}
        </div>
      </div>
      <div>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
