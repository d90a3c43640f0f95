"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { manageOfferAction } from "@/lib/offers/actions";
import { BOARD_IDLE } from "@/lib/offers/form-state";

type State = "pending" | "published" | "expired" | "placed" | "deleted";

// Every action is a button that POSTs: a mail scanner that opens the link changes nothing.
export function ManageActions({
  token,
  locale,
  state,
  durationDays,
  stillCurrentAsked = false,
}: {
  token: string;
  locale: string;
  state: State;
  durationDays: number;
  /** We asked "Ist Ihr Angebot noch aktuell?" and the offerer has not answered yet. */
  stillCurrentAsked?: boolean;
}) {
  const t = useTranslations("manage");
  const [result, action] = useActionState(manageOfferAction.bind(null, token), BOARD_IDLE);
  if (result.status === "success") return <Alert tone="success">{result.message}</Alert>;
  const box = "flex flex-col gap-3 rounded-lg bg-white p-6 shadow";
  return (
    <div className="flex flex-col gap-4">
      {result.status === "error" && result.message && <Alert tone="error">{result.message}</Alert>}
      {stillCurrentAsked && (
        <form action={action} className={`${box} border-2 border-brand-600`}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="action" value="keep" />
          <h2 className="text-xl font-semibold">{t("keepTitle")}</h2>
          <p>{t("keepText")}</p>
          <div>
            <SubmitButton>{t("keep")}</SubmitButton>
          </div>
        </form>
      )}
      {state === "pending" && (
        <form action={action} className={`${box} border-2 border-brand-600`}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="action" value="confirm" />
          <h2 className="text-xl font-semibold">{t("confirmTitle")}</h2>
          <p>{t("confirmText", { days: durationDays })}</p>
          <div>
            <SubmitButton>{t("confirm")}</SubmitButton>
          </div>
        </form>
      )}
      {(state === "published" || state === "expired") && (
        <form action={action} className={box}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="action" value="extend" />
          <h2 className="text-xl font-semibold">{t("extendTitle")}</h2>
          <p>{t("extendText")}</p>
          <div>
            <SubmitButton>{t("extend")}</SubmitButton>
          </div>
        </form>
      )}
      {state !== "placed" && state !== "deleted" && (
        <>
          {state !== "pending" && (
            <form action={action} className={box}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="action" value="placed" />
              <h2 className="text-xl font-semibold">{t("placedTitle")}</h2>
              <p>{t("placedText")}</p>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="wantsAdvice" className="h-4 w-4" />
                {t("wantsAdvice")}
              </label>
              <div>
                <SubmitButton>{t("placed")}</SubmitButton>
              </div>
            </form>
          )}
          <form action={action} className={box}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="action" value="delete" />
            <h2 className="text-xl font-semibold">{t("deleteTitle")}</h2>
            <p>{t("deleteText")}</p>
            <div>
              <SubmitButton variant="danger">{t("delete")}</SubmitButton>
            </div>
          </form>
        </>
      )}
      {(state === "placed" || state === "deleted") && <p>{t("ended")}</p>}
    </div>
  );
}
