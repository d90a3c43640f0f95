import type { Metadata } from "next";
import { PasswordResetRequestForm } from "@/components/auth/password-reset-request-form";

export const metadata: Metadata = { title: "Passwort vergessen" };

export default function ForgotPasswordPage() {
  return (
    <div className="rounded-lg bg-white p-6 shadow">
      <h1 className="mb-1 text-2xl font-semibold">Passwort vergessen</h1>
      <p className="mb-6 text-slate-700">
        Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.
      </p>
      <PasswordResetRequestForm />
    </div>
  );
}
