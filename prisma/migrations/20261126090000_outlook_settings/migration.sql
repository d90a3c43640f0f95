-- The outlook "weeks until places run out" (issue 12): the county chooses over how many reporting
-- weeks the average of new allocations is taken, and below how many weeks a municipality is
-- flagged. The CHECK repeats the settings form's ranges, so no code path can store a window the
-- outlook could not use.
ALTER TABLE "county"
    ADD COLUMN "outlook_window_weeks" INTEGER NOT NULL DEFAULT 4,
    ADD COLUMN "outlook_warning_weeks" INTEGER NOT NULL DEFAULT 4,
    ADD CONSTRAINT "county_outlook_settings_check" CHECK (
        "outlook_window_weeks" BETWEEN 1 AND 12
        AND "outlook_warning_weeks" BETWEEN 1 AND 26);
