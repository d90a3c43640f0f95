import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { listCaughtMails } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Postausgang" };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default async function OutboxPage() {
  const actor = await requirePageActor("outbox:read");
  const mails = await listCaughtMails(actor);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Postausgang</h1>
        <p className="mt-1 text-slate-700">
          Ohne konfigurierten Mailserver (SMTP_URL) fängt die Anwendung alle E-Mails ab. Hier sehen Sie, was verschickt worden wäre.
        </p>
      </div>
      {!env().MAIL_CATCHER ? (
        <Alert tone="info">E-Mails werden über den konfigurierten Mailserver verschickt; hier wird nichts abgefangen.</Alert>
      ) : mails.length === 0 ? (
        <p>Noch keine E-Mails.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg bg-white shadow">
              <details>
                <summary className="cursor-pointer px-4 py-3">
                  <span className="font-medium">{mail.subject || "(ohne Betreff)"}</span>
                  <span className="block text-sm text-slate-700">
                    an {mail.envelopeTo.join(", ")} · {formatDateTime(mail.receivedAt)}
                  </span>
                </summary>
                <div className="border-t border-slate-200 px-4 py-3">
                  <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                    <dt className="font-medium">Von</dt>
                    <dd>{mail.headerFrom}</dd>
                    <dt className="font-medium">An</dt>
                    <dd>{mail.headerTo}</dd>
                    <dt className="font-medium">Empfänger (inkl. BCC)</dt>
                    <dd>{mail.envelopeTo.join(", ")}</dd>
                  </dl>
                  <pre className="whitespace-pre-wrap font-sans">
                    <Linkified text={mail.text} />
                  </pre>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
