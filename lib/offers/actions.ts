"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { clientAddress } from "../http/client-address";
import { DEFAULT_LOCALE, INTL_LOCALE, isLocale, type Locale } from "../i18n/locales";
import { giveFeedback } from "./feedback";
import { acceptLinksRequest, contactOfferer, manageOffer, sendLinks, submitOffer, type BoardFailure, type ManageAction } from "./service";
import type { FieldErrors } from "./schema";
import type { BoardFormState } from "./form-state";
import { logger, logUnexpected } from "../log";
import { currentRequestId } from "../http/current-request";

// The board's server actions: read the form, ask the service, and turn its typed result into
// text in the visitor's language. Next.js checks each action's Origin against the host and
// bounds its body (next.config.ts), like the request guard does for route handlers.

const OFFER_FIELDS = [
  "municipalityId",
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
  "furnished",
  "barrierFree",
  "petsAllowed",
  "description",
  "email",
  "phone",
  "publishPhone",
  "durationDays",
  "privacy",
  "website",
] as const;

function localeOf(formData: FormData): Locale {
  const value = formData.get("locale");
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

function textValues(formData: FormData, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    keys.map((key) => {
      const value = formData.get(key);
      return [key, typeof value === "string" ? value : ""];
    }),
  );
}

async function failureState(locale: Locale, failure: BoardFailure, values: BoardFormState["values"]): Promise<BoardFormState> {
  const t = await getTranslations({ locale, namespace: "errors" });
  switch (failure.code) {
    case "VALIDATION":
      return { status: "error", message: t("form"), fieldErrors: translateFieldErrors(t, failure.fieldErrors), values };
    case "RATE_LIMITED":
      return { status: "error", message: t("rateLimited", { minutes: Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)) }), values };
    case "TOO_MANY_OPEN":
      return { status: "error", message: t("tooManyOpen", { max: failure.max }), values };
    case "LINK_INVALID":
      return { status: "error", message: t("linkInvalid") };
    case "OFFER_ENDED":
      return { status: "error", message: t("offerEnded") };
  }
}

type ErrorTranslator = Awaited<ReturnType<typeof getTranslations<"errors">>>;

function translateFieldErrors(t: ErrorTranslator, errors: FieldErrors): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, list]) => [
      field,
      list.map((error) =>
        t.has(error.code as "invalid") ? t(error.code as "tooLong", { max: error.max ?? 0, min: error.min ?? 0 }) : t("invalid"),
      ),
    ]),
  );
}

async function unexpected(locale: Locale, error: unknown, values?: BoardFormState["values"]): Promise<BoardFormState> {
  // Type and code only for database errors: their messages can quote the input (lib/log.ts).
  logUnexpected(error, { requestId: await currentRequestId(), where: "board action" });
  const t = await getTranslations({ locale, namespace: "errors" });
  return { status: "error", message: t("generic"), values };
}

async function requestAddress(): Promise<string> {
  return clientAddress(await headers());
}

export async function submitOfferAction(_previous: BoardFormState, formData: FormData): Promise<BoardFormState> {
  const locale = localeOf(formData);
  const values = { ...textValues(formData, OFFER_FIELDS), languages: formData.getAll("languages").map(String) };
  try {
    const result = await submitOffer({ ...values, locale }, { clientAddress: await requestAddress() });
    if (!result.ok) return failureState(locale, result, values);
    return { status: "success", detail: result.email };
  } catch (error) {
    return unexpected(locale, error, values);
  }
}

export async function contactOffererAction(offerId: string, _previous: BoardFormState, formData: FormData): Promise<BoardFormState> {
  const locale = localeOf(formData);
  const values = textValues(formData, ["name", "email", "message", "website"]);
  try {
    const result = await contactOfferer(offerId, { ...values, locale }, { clientAddress: await requestAddress() });
    if (!result.ok) return failureState(locale, result, values);
    const t = await getTranslations({ locale, namespace: "detail" });
    return { status: "success", message: t("sent") };
  } catch (error) {
    return unexpected(locale, error, values);
  }
}

export async function resendLinksAction(_previous: BoardFormState, formData: FormData): Promise<BoardFormState> {
  const locale = localeOf(formData);
  const values = textValues(formData, ["email", "website"]);
  try {
    const result = await acceptLinksRequest({ ...values, locale }, { clientAddress: await requestAddress() });
    if (!result.ok) return failureState(locale, result, values);
    const request = result.request;
    // After the answer: a known address must not take longer to answer than an unknown one.
    if (request) after(() => sendLinks(request).catch((error: unknown) => logger.error({ err: error }, "board: sending links failed")));
    const t = await getTranslations({ locale, namespace: "links" });
    return { status: "success", message: t("done") };
  } catch (error) {
    return unexpected(locale, error, values);
  }
}

const MANAGE_ACTIONS: readonly ManageAction[] = ["confirm", "extend", "keep", "delete", "placed"];

/** The manage page's buttons. Only this POST changes anything; opening the link (GET) never does. */
export async function manageOfferAction(token: string, _previous: BoardFormState, formData: FormData): Promise<BoardFormState> {
  const locale = localeOf(formData);
  const action = formData.get("action");
  try {
    if (typeof action !== "string" || !(MANAGE_ACTIONS as readonly string[]).includes(action)) {
      const t = await getTranslations({ locale, namespace: "errors" });
      return { status: "error", message: t("invalid") };
    }
    const result = await manageOffer(token, action as ManageAction, { wantsAdvice: formData.get("wantsAdvice") === "on" });
    if (!result.ok) return failureState(locale, result, undefined);
    const t = await getTranslations({ locale, namespace: "manage" });
    const date = result.expiresAt
      ? new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "Europe/Berlin" }).format(result.expiresAt)
      : "";
    const message =
      action === "confirm"
        ? t("confirmed")
        : action === "extend"
          ? t("extended", { date })
          : action === "keep"
            ? t("kept")
            : action === "placed"
              ? `${t("placedDone")}${formData.get("wantsAdvice") === "on" ? ` ${t("adviceNote")}` : ""}`
              : t("deleted");
    return { status: "success", message };
  } catch (error) {
    return unexpected(locale, error);
  }
}

/** The feedback page's buttons (POST only; opening the link from the mail records nothing). */
export async function giveFeedbackAction(token: string, _previous: BoardFormState, formData: FormData): Promise<BoardFormState> {
  const locale = localeOf(formData);
  try {
    const result = await giveFeedback(token, formData.get("feedback"));
    if (!result.ok) return failureState(locale, result, undefined);
    const t = await getTranslations({ locale, namespace: "feedback" });
    return { status: "success", message: result.recorded ? t("done") : t("already") };
  } catch (error) {
    return unexpected(locale, error);
  }
}
