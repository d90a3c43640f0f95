import { db } from "../db/client";
import { env } from "../env";
import { logger } from "../log";

/**
 * The origins that may frame the board county's embeddable form. Read by proxy.ts for each
 * /embed/ page; a database error means none (the safe answer: the form is not framed).
 */
export async function boardEmbedOrigins(): Promise<string[]> {
  try {
    const slug = env().BOARD_COUNTY;
    const county = slug
      ? await db().county.findUnique({ where: { slug }, select: { embedOrigins: true } })
      : await db().county.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { embedOrigins: true } });
    return county?.embedOrigins ?? [];
  } catch (error) {
    logger.error({ err: error }, "board: could not read the embedding origins");
    return [];
  }
}
