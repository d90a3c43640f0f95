import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/sign-in-schema";

export const metadata: Metadata = { title: "Anmelden" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await currentActor()) redirect(safeRedirectPath(params.weiter));
  return (
    <div className="rounded-lg bg-white p-6 shadow">
      <h1 className="mb-1 text-2xl font-semibold">Anmelden</h1>
      <p className="mb-6 text-slate-700">Intranet für Kommunen, Koordinierungsstab und Pressestelle des Landkreises.</p>
      {params.passwort === "geaendert" && (
        <div className="mb-4">
          <Alert tone="success">Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.</Alert>
        </div>
      )}
      {params.eingeladen && (
        <div className="mb-4">
          <Alert tone="success">Ihr Passwort ist gespeichert. Sie können sich jetzt anmelden.</Alert>
        </div>
      )}
      <SignInForm next={params.weiter} />
    </div>
  );
}
