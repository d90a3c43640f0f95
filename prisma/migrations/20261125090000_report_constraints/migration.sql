-- The rules zod enforces for a report, now also in the database, so no other writer (a script,
-- a future import, a bug) can store what the app would refuse.
--
-- A reporting date from 2000-01-01 on and not after the day (in Europe/Berlin) the row was saved.
-- created_at, not now(): a restored backup must pass the check again years later.
--
-- NOT VALID: capacity_report is append-only (its trigger refuses UPDATE and DELETE), so rows
-- stored before this migration cannot be corrected; a fuzz run had left reports dated
-- 0001-01-01. The check holds for every new row; the evaluation, the history and the exports
-- ignore rows dated before 2000-01-01 (lib/capacity/report-row.ts, COUNTED_REPORT).
ALTER TABLE "capacity_report" ADD CONSTRAINT "capacity_report_reporting_date_check" CHECK (
    "reporting_date" >= DATE '2000-01-01'
    AND "reporting_date" <= (("created_at" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')::date
) NOT VALID;

-- Texts: PostgreSQL itself refuses NUL in text columns (the app answers that with a field error
-- before it gets here). Line breaks are allowed in comments; other control characters are not.
ALTER TABLE "capacity_report" ADD CONSTRAINT "capacity_report_text_check" CHECK (
    "comment" !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]' AND "warning_note" !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'
) NOT VALID;
