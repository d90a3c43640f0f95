import type { Metadata } from "next";
import Link from "next/link";
import { PasswordResetForm } from "@/components/auth/password-reset-form";
import { Alert } from "@/components/ui/alert";
import { isPasswordResetUsable } from "@/lib/users/password-reset";

// The token is in the URL: no referrer may carry it to another site.
export const metadata: Metadata = { title: "Neues Passwort festlegen", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Only reads: opening the link (a mail scanner does) neither uses nor spends it.
  const usable = await isPasswordResetUsable(token);
  return (
    <div className="rounded-lg bg-white p-6 shadow">
      <h1 className="mb-4 text-2xl font-semibold">Neues Passwort festlegen</h1>
      {usable ? (
        <PasswordResetForm token={token} />
      ) : (
        <div className="flex flex-col gap-4">
          <Alert tone="error">Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder wurde bereits verwendet.</Alert>
          <Link href="/passwort-vergessen" className="self-start text-brand-700 underline underline-offset-2">
            Neuen Link anfordern
          </Link>
        </div>
      )}
    </div>
  );
}
