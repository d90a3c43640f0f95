-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "capacity_report" ADD COLUMN "author_role" "Role";

-- Existing reports keep their author's role at the time of this migration.
ALTER TABLE "capacity_report" DISABLE TRIGGER "capacity_report_append_only";
UPDATE "capacity_report" r SET "author_role" = u."role" FROM "app_user" u WHERE u."id" = r."author_id";
ALTER TABLE "capacity_report" ENABLE TRIGGER "capacity_report_append_only";
