-- AlterTable
ALTER TABLE "county" ADD COLUMN "is_demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "capacity_report" ADD COLUMN "base_report_id" TEXT,
ADD COLUMN "confirmed_warnings" TEXT[],
ADD COLUMN "warning_note" TEXT;

-- CreateTable
CREATE TABLE "staleness_reminder" (
    "id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recipients" TEXT[],
    "latest_reporting_date" DATE,

    CONSTRAINT "staleness_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staleness_reminder_municipality_id_sent_at_idx" ON "staleness_reminder"("municipality_id", "sent_at" DESC);

-- AddForeignKey
ALTER TABLE "staleness_reminder" ADD CONSTRAINT "staleness_reminder_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
