"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { formValues, zodFieldErrors, type FormState } from "../forms";
import { GENERIC_ERROR_MESSAGE } from "../errors";
import { signIn, signOut } from "./auth";
import { safeRedirectPath, SIGN_IN_MESSAGES, signInSchema } from "./sign-in-schema";
import { logger } from "../log";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email"]);
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { status: "error", fieldErrors: zodFieldErrors(parsed.error.issues), values };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get("weiter")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const reason = error.code === "throttled" || error.code === "busy" ? error.code : "invalid";
      return { status: "error", message: SIGN_IN_MESSAGES[reason], values };
    }
    if (error instanceof AuthError) {
      logger.error({ err: error }, "sign-in failed");
      return { status: "error", message: GENERIC_ERROR_MESSAGE, values };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { status: "success" };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/anmelden" });
}
