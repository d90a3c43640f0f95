import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { negotiateLocale } from "@/lib/i18n/locales";

// The board lives under /<language>/…; the bare address picks the browser's language.
export default async function RootRedirect() {
  redirect(`/${negotiateLocale((await headers()).get("accept-language"))}`);
}
