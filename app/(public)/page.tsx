import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";

export default function HomePage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">Wohnraum für Geflüchtete im Landkreis</h1>
      <p className="max-w-2xl text-lg text-slate-800">
        Die Kommunen des Landkreises melden hier, wie viele Menschen ihnen zugewiesen sind, wie viele sie untergebracht haben und wo Plätze
        frei sind. Der Koordinierungsstab sieht, wo Wohnraum fehlt.
      </p>
      <p className="max-w-2xl text-slate-800">
        Die öffentliche Wohnraumbörse, auf der Bürgerinnen und Bürger Wohnraum anbieten können, wird gerade aufgebaut.
      </p>
      <div>
        <Link href="/anmelden" className={buttonClass("primary")}>
          Zur Anmeldung
        </Link>
      </div>
    </div>
  );
}
