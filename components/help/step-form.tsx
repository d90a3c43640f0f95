"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/styles";
import { IDLE, type FormState } from "@/lib/forms";

type StepAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One step of a request (accept, withdraw): a button that POSTs hidden fields, with its answer. */
export function StepForm({
  action: serverAction,
  fields,
  label,
  accessibleLabel,
  variant = "secondary",
}: {
  action: StepAction;
  fields: Record<string, string>;
  label: string;
  accessibleLabel?: string;
  variant?: ButtonVariant;
}) {
  const [state, action] = useActionState(serverAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <SubmitButton variant={variant} className="px-3 py-1 text-sm" aria-label={accessibleLabel} pendingLabel="…">
          {label}
        </SubmitButton>
      </div>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
