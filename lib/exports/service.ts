import "server-only";
import { PassThrough, Readable } from "node:stream";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { AppError } from "../errors";
import { CSV_TABLES, lageCsv, type CsvTable } from "./csv";
import { exportFileName, loadLageExport, type LageExport } from "./lage-data";
import { writeLageWorkbook } from "./xlsx";
import { logger } from "../log";

// Every export goes through here: load the one evaluation, record who exported what for which
// Stand (an audit event), and produce the file.

export type ExportFormat = "xlsx" | "csv" | "print" | "chart";

/** The audit event of an export: who exported what, for which Stand (the board's weekly CSV too). */
export async function recordExport(
  actor: Actor,
  data: Pick<LageExport, "stand">,
  format: ExportFormat,
  detail: Record<string, string> = {},
) {
  await db().$transaction((tx) =>
    recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "export.created",
      subjectType: "County",
      subjectId: actor.countyId,
      after: { format, stand: data.stand, ...detail },
    }),
  );
}

export const download = (fileName: string, contentType: string) => ({
  "Content-Type": contentType,
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "X-Content-Type-Options": "nosniff",
});

/** The workbook, streamed while it is written. */
export async function workbookResponse(actor: Actor, stand: unknown): Promise<Response> {
  const data = await loadLageExport(actor, stand);
  await recordExport(actor, data, "xlsx");
  const stream = new PassThrough();
  writeLageWorkbook(data, stream).catch((error: unknown) => {
    logger.error({ err: error }, "export workbook failed");
    stream.destroy(error as Error);
  });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: download(exportFileName(data, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  });
}

export async function csvResponse(actor: Actor, stand: unknown, table: unknown): Promise<Response> {
  const which = (table ?? "auswertung") as CsvTable;
  if (!CSV_TABLES.includes(which))
    throw new AppError("VALIDATION", "Unbekannte Tabelle: uebersicht, auswertung oder verlauf.", { table: ["Unbekannte Tabelle."] });
  const data = await loadLageExport(actor, stand);
  await recordExport(actor, data, "csv", { table: which });
  return new Response(lageCsv(data, which), { headers: download(exportFileName(data, "csv", which), "text/csv; charset=utf-8") });
}

/** Recent exports of the actor's county, for coordinators and admins. */
export async function listRecentExports(actor: Actor, limit = 20) {
  if (actor.role !== "COORDINATOR" && actor.role !== "ADMIN") return [];
  return db().auditEvent.findMany({
    where: { countyId: actor.countyId, action: "export.created" },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, createdAt: true, after: true, actor: { select: { name: true } } },
  });
}
