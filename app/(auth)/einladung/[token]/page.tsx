import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { Alert } from "@/components/ui/alert";
import { isInviteUsable } from "@/lib/users/service";

export const metadata: Metadata = { title: "Einladung annehmen", referrer: "no-referrer" };

export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await isInviteUsable(token);
  return (
    <div className="rounded-lg bg-white p-6 shadow">
      <h1 className="mb-4 text-2xl font-semibold">Passwort festlegen</h1>
      {usable ? (
        <AcceptInviteForm token={token} />
      ) : (
        <Alert tone="error">Dieser Einladungslink ist ungültig oder abgelaufen. Bitte wenden Sie sich an die Administration.</Alert>
      )}
    </div>
  );
}
