import { Alert } from "@/components/ui/alert";
import type { AccessHandover } from "@/lib/users/service";

export function Handover({ result }: { result?: AccessHandover }) {
  if (!result?.oneTimePassword && !result?.inviteLink) return null;
  return (
    <Alert tone="info" title="Zugang übergeben">
      {result.oneTimePassword && (
        <p>
          Einmalpasswort:{" "}
          <code className="rounded bg-white px-1 font-mono" data-testid="one-time-password">
            {result.oneTimePassword}
          </code>
          <br />
          Es wird nur jetzt angezeigt. Bei der ersten Anmeldung muss ein eigenes Passwort gewählt werden.
        </p>
      )}
      {result.inviteLink && (
        <p>
          Die Einladung wurde per E-Mail verschickt. Link (nur jetzt sichtbar):{" "}
          <code className="break-all rounded bg-white px-1 font-mono" data-testid="invite-link">
            {result.inviteLink}
          </code>
        </p>
      )}
    </Alert>
  );
}
