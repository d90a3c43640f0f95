import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Passwort ändern" };

export default async function ChangePasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/anmelden");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Passwort ändern</h1>
      {actor.mustChangePassword && (
        <Alert tone="warning">Sie haben sich mit einem Einmalpasswort angemeldet. Bitte legen Sie jetzt Ihr eigenes Passwort fest.</Alert>
      )}
      <ChangePasswordForm />
    </div>
  );
}
