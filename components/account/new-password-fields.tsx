import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

/** The new password and its repetition, as the invitation and the password change ask for them. */
export function NewPasswordFields({ repeatLabel, errors }: { repeatLabel: string; errors?: Record<string, string[]> }) {
  return (
    <>
      <TextField
        id="password"
        name="password"
        type="password"
        label="Neues Passwort"
        hint={`Mindestens ${PASSWORD_MIN_LENGTH} Zeichen und nicht leicht zu erraten, z. B. mehrere zufällige Wörter.`}
        autoComplete="new-password"
        required
        errors={errors?.password}
      />
      <TextField
        id="passwordRepeat"
        name="passwordRepeat"
        type="password"
        label={repeatLabel}
        autoComplete="new-password"
        required
        errors={errors?.passwordRepeat}
      />
    </>
  );
}
