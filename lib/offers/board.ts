import "server-only";
import { db } from "../db/client";
import { env } from "../env";

/** The county the public board serves (BOARD_COUNTY, else the first county), with its settings. */
export async function boardCounty() {
  const slug = env().BOARD_COUNTY;
  const county = slug
    ? await db().county.findUnique({ where: { slug } })
    : await db().county.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (!county) throw new Error(slug ? `BOARD_COUNTY "${slug}" does not exist.` : "No county exists yet: run the set-up first.");
  return county;
}

export async function boardMunicipalities(countyId: string) {
  return db().municipality.findMany({ where: { countyId }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
}
