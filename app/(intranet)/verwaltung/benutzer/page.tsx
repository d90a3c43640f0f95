import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserActions } from "@/components/users/user-actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { listMunicipalities } from "@/lib/capacity/queries";
import { formatDateTime } from "@/lib/dates";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Benutzer" };

function status(user: { active: boolean; passwordHash: string | null; mustChangePassword: boolean }) {
  if (!user.active) return "deaktiviert";
  if (!user.passwordHash) return "eingeladen";
  if (user.mustChangePassword) return "Einmalpasswort";
  return "aktiv";
}

export default async function UsersPage() {
  const actor = await requirePageActor("users:manage");
  const [users, municipalities] = await Promise.all([listUsers(actor), listMunicipalities(actor)]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Benutzer</h1>
      <section aria-labelledby="neues-konto" className="rounded-lg bg-white p-6 shadow">
        <h2 id="neues-konto" className="mb-4 text-xl font-semibold">
          Neues Konto
        </h2>
        <CreateUserForm municipalities={municipalities.map(({ id, name }) => ({ id, name }))} />
      </section>
      <section aria-labelledby="konten" className="overflow-x-auto rounded-lg bg-white shadow">
        <h2 id="konten" className="px-6 pt-6 text-xl font-semibold">
          Konten ({users.length})
        </h2>
        <table className="mt-4 w-full text-left">
          <thead className="border-b border-slate-300 bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="px-4 py-2">
                Rolle
              </th>
              <th scope="col" className="px-4 py-2">
                Status
              </th>
              <th scope="col" className="px-4 py-2">
                Letzte Anmeldung
              </th>
              <th scope="col" className="px-4 py-2">
                Aktionen
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-4 py-2 font-medium">
                  {user.name}
                  <div className="text-sm font-normal text-slate-700">{user.email}</div>
                </th>
                <td className="px-4 py-2">
                  {ROLE_LABELS[user.role]}
                  {user.municipality && <div className="text-sm text-slate-700">{user.municipality.name}</div>}
                </td>
                <td className="px-4 py-2">{status(user)}</td>
                <td className="px-4 py-2">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "–"}</td>
                <td className="px-4 py-2">
                  <UserActions userId={user.id} userName={user.name} active={user.active} isSelf={user.id === actor.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
