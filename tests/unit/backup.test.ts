import { describe, expect, it } from "vitest";
import { BACKUP_FILE_PATTERN, backupFileName, backupFileTime, loadOrder } from "../../lib/backup/format";
import { chooseBackupMethod, toolMajorVersion } from "../../lib/backup/method";
import { filesToDelete } from "../../lib/backup/retention";
import { describeBackupError } from "../../lib/backup/run";
import { formatFileSize } from "../../lib/format";

describe("choosing the backup method", () => {
  const debian15 = "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)";

  it("uses the app's logical dump without pg_dump, or with one older than the server", () => {
    expect(chooseBackupMethod({ pgDumpVersion: null, serverVersion: 180004 })).toEqual({
      method: "logical",
      reason: "no pg_dump on PATH; the server is PostgreSQL 18",
    });
    expect(chooseBackupMethod({ pgDumpVersion: debian15, serverVersion: 180004 })).toEqual({
      method: "logical",
      reason: "pg_dump 15 is older than the server's PostgreSQL 18",
    });
    expect(chooseBackupMethod({ pgDumpVersion: "pg_dump (PostgreSQL) 17.6", serverVersion: 180000 }).method).toBe("logical");
    expect(chooseBackupMethod({ pgDumpVersion: "something else", serverVersion: 150000 }).method).toBe("logical");
  });

  it("uses pg_dump when it is at least as new as the server", () => {
    expect(chooseBackupMethod({ pgDumpVersion: debian15, serverVersion: 150004 })).toEqual({
      method: "pg_dump",
      reason: "pg_dump 15 can dump the server's PostgreSQL 15",
    });
    expect(chooseBackupMethod({ pgDumpVersion: "pg_dump (PostgreSQL) 18.1", serverVersion: 180004 }).method).toBe("pg_dump");
    expect(chooseBackupMethod({ pgDumpVersion: "pg_dump (PostgreSQL) 19beta1", serverVersion: 180004 }).method).toBe("pg_dump");
  });

  it("reads the major version of a client tool", () => {
    expect(toolMajorVersion("pg_restore (PostgreSQL) 16.2")).toBe(16);
    expect(toolMajorVersion("pg_dump (PostgreSQL) 9.6.24")).toBe(9);
    expect(toolMajorVersion("")).toBeNull();
    expect(toolMajorVersion(null)).toBeNull();
  });
});

describe("backup file names", () => {
  it("carry the moment in UTC, to the second, and the method", () => {
    expect(backupFileName(new Date("2026-11-22T03:00:00.123Z"), "logical")).toBe("wohnraum-2026-11-22T030000Z.wrdump.gz");
    expect(backupFileName(new Date("2026-03-29T01:59:07Z"), "pg_dump")).toBe("wohnraum-2026-03-29T015907Z.pgdump");
    expect(backupFileTime("wohnraum-2026-03-29T015907Z.pgdump")).toEqual(new Date("2026-03-29T01:59:07Z"));
  });

  it("are the only files the retention rule looks at", () => {
    for (const name of [
      "wohnraum-2026-11-22T030000Z.wrdump.gz.partial",
      "wohnraum-2026-11-22T0300Z.wrdump.gz",
      "x-2026-11-22T030000Z.pgdump",
      "README",
    ]) {
      expect(BACKUP_FILE_PATTERN.test(name), name).toBe(false);
      expect(backupFileTime(name)).toBeNull();
    }
  });
});

describe("retention", () => {
  const name = (day: number, hour = 3) => backupFileName(new Date(Date.UTC(2026, 10, day, hour)), "logical");

  it("deletes the oldest files beyond the newest N, whatever order the folder lists them in", () => {
    const names = [name(3), "notizen.txt", name(1), name(4), name(2), `${name(0)}.partial`];
    expect(filesToDelete(names, 2)).toEqual([name(1), name(2)]);
    expect(filesToDelete(names, 4)).toEqual([]);
    expect(filesToDelete(names, 1)).toEqual([name(1), name(2), name(3)]);
  });

  it("orders by time across methods and never deletes the file just written", () => {
    const dump = backupFileName(new Date(Date.UTC(2026, 10, 2, 12)), "pg_dump");
    expect(filesToDelete([name(1), dump, name(3)], 1)).toEqual([name(1), dump]);
    // A clock set back: the new file sorts oldest, but it stays.
    expect(filesToDelete([name(5), name(1)], 1, name(1))).toEqual([]);
    expect(() => filesToDelete([name(1)], 0)).toThrow(/At least one/);
  });
});

describe("load order", () => {
  it("puts every table after the tables it refers to", () => {
    const order = loadOrder(
      ["audit_event", "app_user", "capacity_report", "county", "municipality", "offer_token", "housing_offer"],
      [
        { table: "municipality", references: "county" },
        { table: "app_user", references: "municipality" },
        { table: "app_user", references: "county" },
        { table: "capacity_report", references: "municipality" },
        { table: "capacity_report", references: "app_user" },
        { table: "audit_event", references: "app_user" },
        { table: "housing_offer", references: "municipality" },
        { table: "offer_token", references: "housing_offer" },
        { table: "county", references: "county" }, // a self-reference does not block
      ],
    );
    expect(order).toEqual(["county", "municipality", "app_user", "housing_offer", "audit_event", "capacity_report", "offer_token"]);
  });

  it("refuses a cycle instead of guessing", () => {
    expect(() =>
      loadOrder(
        ["a", "b", "c"],
        [
          { table: "a", references: "b" },
          { table: "b", references: "a" },
        ],
      ),
    ).toThrow(/a, b form a cycle/);
  });
});

describe("backup errors for admins", () => {
  it("name the cause in words and never the connection", () => {
    expect(describeBackupError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(
      "Die Datenbank war nicht erreichbar (ECONNREFUSED).",
    );
    expect(describeBackupError(Object.assign(new Error("no space"), { code: "ENOSPC" }))).toBe(
      "Im Sicherungsordner ist kein Speicherplatz mehr frei (ENOSPC).",
    );
    const other = describeBackupError(new Error("failed for postgresql://wohnraum:geheim@db.example:5432/wohnraum\nstack"));
    expect(other).not.toContain("geheim");
    expect(other).not.toContain("db.example");
    expect(other).not.toContain("stack");
  });
});

describe("file sizes", () => {
  it("are written as a German reader expects", () => {
    expect(formatFileSize(512)).toBe("512 Byte");
    expect(formatFileSize(86_400)).toBe("86 kB");
    expect(formatFileSize(999_700)).toBe("1,0 MB");
    expect(formatFileSize(1_440_000)).toBe("1,4 MB");
    expect(formatFileSize(2_049_000_000)).toBe("2,0 GB");
  });
});
