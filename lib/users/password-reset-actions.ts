"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requestClientAddress } from "../auth/auth";
import { errorState } from "../form-errors";
import { formText, formValues, type FormState } from "../forms";
import { acceptPasswordResetRequest, PASSWORD_RESET_REQUESTED_MESSAGE, resetPassword, sendPasswordReset } from "./password-reset";
import { logger } from "../log";

// Public actions (no session): the token or the limiter is the only check, each in the service.

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email"]);
  try {
    const request = await acceptPasswordResetRequest(values, { clientAddress: await requestClientAddress() });
    // After the answer: a known address must not take longer to answer than an unknown one.
    after(() => sendPasswordReset(request).catch((error: unknown) => logger.error({ err: error }, "password reset mail failed")));
  } catch (error) {
    return errorState(error, values);
  }
  return { status: "success", message: PASSWORD_RESET_REQUESTED_MESSAGE, values };
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await resetPassword(formText(formData, "token"), {
      password: formData.get("password"),
      passwordRepeat: formData.get("passwordRepeat"),
    });
  } catch (error) {
    return errorState(error);
  }
  redirect("/anmelden?passwort=geaendert");
}
