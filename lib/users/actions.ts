"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestClientAddress, signOut } from "../auth/auth";
import { requireActor } from "../auth/session";
import { errorState } from "../form-errors";
import { formText, formValues, type FormState } from "../forms";
import { acceptInvite, changeOwnPassword, createUser, resetUserAccess, setUserActive, type AccessHandover } from "./service";

const USERS_PATH = "/verwaltung/benutzer";

export async function createUserAction(_previous: FormState<AccessHandover>, formData: FormData): Promise<FormState<AccessHandover>> {
  const values = formValues(formData, ["name", "email", "role", "municipalityId", "onboarding"]);
  try {
    const actor = await requireActor("users:manage");
    const result = await createUser(actor, values);
    revalidatePath(USERS_PATH);
    return { status: "success", message: `Das Konto für ${values.email} wurde angelegt.`, result };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function setUserActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor("users:manage");
    const active = formData.get("active") === "true";
    await setUserActive(actor, formText(formData, "userId"), active);
    revalidatePath(USERS_PATH);
    return { status: "success", message: active ? "Das Konto ist wieder aktiv." : "Das Konto wurde deaktiviert." };
  } catch (error) {
    return errorState(error);
  }
}

export async function resetUserAccessAction(_previous: FormState<AccessHandover>, formData: FormData): Promise<FormState<AccessHandover>> {
  try {
    const actor = await requireActor("users:manage");
    const method = formData.get("method") === "password" ? "password" : "invite";
    const result = await resetUserAccess(actor, formText(formData, "userId"), method);
    revalidatePath(USERS_PATH);
    return { status: "success", result };
  } catch (error) {
    return errorState(error);
  }
}

export async function acceptInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await acceptInvite(formText(formData, "token"), {
      password: formData.get("password"),
      passwordRepeat: formData.get("passwordRepeat"),
    });
  } catch (error) {
    return errorState(error);
  }
  redirect("/anmelden?eingeladen=1");
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    await changeOwnPassword(
      actor,
      {
        currentPassword: formData.get("currentPassword"),
        password: formData.get("password"),
        passwordRepeat: formData.get("passwordRepeat"),
      },
      { ipAddress: await requestClientAddress() },
    );
  } catch (error) {
    return errorState(error);
  }
  await signOut({ redirectTo: "/anmelden?passwort=geaendert" });
  return { status: "success" };
}
