"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { updateEmbedOriginsAction } from "@/lib/offers/oversight-actions";

/** Which sites may frame the offer form, one origin per line, and the snippet to paste there. */
export function EmbedSettingsForm({ origins, snippet }: { origins: string[]; snippet: string }) {
  const [state, action] = useActionState(updateEmbedOriginsAction, IDLE);
  const errors = state.fieldErrors?.embedOrigins;
  const hint =
    "Eine Adresse je Zeile, nur Protokoll und Name der Website, z. B. https://www.landkreis-musterland.de. Leer: nirgends einbettbar.";
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex max-w-2xl flex-col gap-3">
        {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
        {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
        <TextAreaField
          id="embedOrigins"
          name="embedOrigins"
          label="Websites, die das Formular einbetten dürfen"
          rows={4}
          hint={hint}
          defaultValue={state.values?.embedOrigins ?? origins.join("\n")}
          errors={errors}
          className="font-mono text-sm"
        />
        <div>
          <SubmitButton pendingLabel="Wird gespeichert …">Speichern</SubmitButton>
        </div>
      </form>
      <div>
        <p className="text-sm font-medium text-slate-800" id="embed-snippet-label">
          Code zum Einbetten (auf einer der Websites oben einfügen; <code>lang=</code> de, en, uk, ru oder ar)
        </p>
        <pre
          className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm whitespace-pre-wrap break-all"
          aria-labelledby="embed-snippet-label"
          data-testid="embed-snippet"
        >
          {snippet}
        </pre>
      </div>
    </div>
  );
}
