"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/forms";
import { staffEndOfferAction, staffExtendOfferAction } from "@/lib/offers/oversight-actions";
import { REASON_MAX, REASON_MIN } from "@/lib/offers/oversight-schema";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

// One small form per action, folded away so the table stays readable; the reason is required
// because the offerer is told it.
function ReasonForm({
  offerId,
  offerLabel,
  action,
  kind,
}: {
  offerId: string;
  offerLabel: string;
  action: Action;
  kind: "extend" | "end";
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const extend = kind === "extend";
  const id = `${kind}-reason-${offerId}`;
  return (
    <details className="rounded-md border border-slate-300 px-2 py-1">
      <summary className="cursor-pointer text-sm font-medium" aria-label={`${offerLabel} ${extend ? "verlängern" : "löschen"}`}>
        {extend ? "Verlängern" : "Löschen"}
      </summary>
      <form action={formAction} className="mt-2 flex flex-col gap-2" noValidate>
        <input type="hidden" name="offerId" value={offerId} />
        <TextField
          id={id}
          name="reason"
          label={extend ? "Grund der Verlängerung (7 Tage)" : "Grund der Löschung"}
          hint="Die anbietende Person erhält ihn per E-Mail."
          required
          minLength={REASON_MIN}
          maxLength={REASON_MAX}
          className="text-sm"
          defaultValue={state.status === "error" ? state.values?.reason : undefined}
          errors={state.fieldErrors?.reason}
        />
        <div>
          <SubmitButton variant={extend ? "secondary" : "danger"} className="px-3 py-1 text-sm" pendingLabel="Wird gespeichert …">
            {extend ? "Verlängern" : "Löschen"}
          </SubmitButton>
        </div>
        {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
        {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
      </form>
    </details>
  );
}

export function StaffOfferActions({
  offerId,
  offerLabel,
  canExtend,
  canEnd,
}: {
  offerId: string;
  offerLabel: string;
  canExtend: boolean;
  canEnd: boolean;
}) {
  if (!canExtend && !canEnd) return <span className="text-slate-600">–</span>;
  return (
    <div className="flex min-w-56 flex-col gap-2">
      {canExtend && <ReasonForm offerId={offerId} offerLabel={offerLabel} action={staffExtendOfferAction} kind="extend" />}
      {canEnd && <ReasonForm offerId={offerId} offerLabel={offerLabel} action={staffEndOfferAction} kind="end" />}
    </div>
  );
}
