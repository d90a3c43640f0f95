"use client";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { IDLE } from "@/lib/forms";
import { createUserAction } from "@/lib/users/actions";
import { ONBOARDING_METHODS } from "@/lib/users/schema";
import { Handover } from "./handover";

export function CreateUserForm({ municipalities }: { municipalities: { id: string; name: string }[] }) {
  const [state, action] = useActionState(createUserAction, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  const [role, setRole] = useState(values?.role ?? "CLERK");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={state.status === "success" ? state.message : "form"}>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && (
        <>
          <Alert tone="success">{state.message}</Alert>
          <Handover result={state.result} />
        </>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField id="new-user-name" name="name" label="Name" required defaultValue={values?.name} errors={state.fieldErrors?.name} />
        <TextField
          id="new-user-email"
          name="email"
          type="email"
          label="E-Mail-Adresse"
          required
          defaultValue={values?.email}
          errors={state.fieldErrors?.email}
        />
        <SelectField
          id="new-user-role"
          name="role"
          label="Rolle"
          value={role}
          onChange={(event) => setRole(event.target.value)}
          errors={state.fieldErrors?.role}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </SelectField>
        {role === "CLERK" && (
          <SelectField
            id="new-user-municipality"
            name="municipalityId"
            label="Kommune"
            defaultValue={values?.municipalityId ?? ""}
            errors={state.fieldErrors?.municipalityId}
          >
            <option value="">Bitte wählen</option>
            {municipalities.map((municipality) => (
              <option key={municipality.id} value={municipality.id}>
                {municipality.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          id="new-user-onboarding"
          name="onboarding"
          label="Zugang übergeben per"
          defaultValue={values?.onboarding ?? "invite"}
          errors={state.fieldErrors?.onboarding}
        >
          {Object.entries(ONBOARDING_METHODS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <SubmitButton pendingLabel="Wird angelegt …">Konto anlegen</SubmitButton>
      </div>
    </form>
  );
}
