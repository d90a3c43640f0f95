-- "Unverändert melden": a report that repeats the previous figures is a row like any other, so
-- staleness, reminders and the reporting rate count it without special cases. The flag only
-- tells the history that the author confirmed the figures instead of typing them.
ALTER TABLE "capacity_report" ADD COLUMN "unchanged" BOOLEAN NOT NULL DEFAULT false;
