import Link from "next/link";
import { redirect } from "next/navigation";
import { HeaderMenu } from "@/components/intranet/header-menu";
import { MainNav } from "@/components/intranet/main-nav";
import { signOutAction } from "@/lib/auth/actions";
import { navigationFor } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { countyOf } from "@/lib/capacity/queries";
import { env } from "@/lib/env";

// The shell only decides what to show; every page below checks its own permission.
export default async function IntranetLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/anmelden");
  const county = await countyOf(actor);
  const items = actor.mustChangePassword ? [] : navigationFor(actor, { mailCatcher: env().MAIL_CATCHER });
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#inhalt"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Zum Inhalt springen
      </a>
      <header className="bg-brand-800 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <Link href="/uebersicht" className="text-lg font-semibold">
              Wohnraum
            </Link>
            <span className="ml-2 hidden text-brand-100 sm:inline">{county.name}</span>
          </div>
          <HeaderMenu>
            <MainNav items={items.map(({ href, label }) => ({ href, label }))} />
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {actor.name} <span className="text-brand-100">({ROLE_LABELS[actor.role]})</span>
              </span>
              <Link href="/konto/passwort" className="underline underline-offset-2 hover:text-brand-100">
                Passwort ändern
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-white/70 px-3 py-1.5 hover:bg-brand-700">
                  Abmelden
                </button>
              </form>
            </div>
          </HeaderMenu>
        </div>
      </header>
      <main id="inhalt" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
