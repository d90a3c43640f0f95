"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { giveFeedbackAction } from "@/lib/offers/actions";
import { BOARD_IDLE } from "@/lib/offers/form-state";

// Two buttons, each a POST: a mail scanner that opens the link records nothing.
export function FeedbackActions({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("feedback");
  const [result, action] = useActionState(giveFeedbackAction.bind(null, token), BOARD_IDLE);
  if (result.status === "success") return <Alert tone="success">{result.message}</Alert>;
  return (
    <div className="flex flex-col gap-4">
      {result.status === "error" && result.message && <Alert tone="error">{result.message}</Alert>}
      <div className="flex flex-wrap gap-3">
        {(["NO_ANSWER", "TAKEN"] as const).map((feedback) => (
          <form key={feedback} action={action}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="feedback" value={feedback} />
            <SubmitButton>{feedback === "NO_ANSWER" ? t("noAnswer") : t("taken")}</SubmitButton>
          </form>
        ))}
      </div>
    </div>
  );
}
