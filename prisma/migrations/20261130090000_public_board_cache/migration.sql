-- The public board's cache (issue 11): every app instance keeps rendered data of the board in
-- Next.js's cache (lib/cache/next-cache-handler.mjs) and asks this table, on each read, whether a
-- tag it depends on changed since the data was read. Triggers write the events, so every change
-- counts, whatever makes it: a form, a mail link, a moderator, a job or plain SQL.
--
-- An event carries the writing transaction's id. A cache entry remembers the snapshot taken just
-- before its data was read; an event whose transaction that snapshot does not see is newer than
-- the data (pg_visible_in_snapshot). That needs no clock and has no window in which a change that
-- commits while the data is being read could be missed. Expiry needs no write at all: an offer
-- leaves the list when its time passes, so its expiry is recorded as an event due then (due_at).

CREATE TABLE "cache_tag_event" (
    "id" BIGSERIAL NOT NULL,
    "tag" TEXT NOT NULL,
    -- pg_current_xact_id() as bigint (xid8 has no Prisma type); cast back to xid8 to compare.
    "xid" BIGINT NOT NULL,
    -- UTC, like every timestamp of the app; null: the change itself, at commit.
    "due_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_tag_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "cache_tag_event_tag_xid_idx" ON "cache_tag_event"("tag", "xid");
CREATE INDEX "cache_tag_event_tag_due_at_idx" ON "cache_tag_event"("tag", "due_at");
CREATE INDEX "cache_tag_event_created_at_idx" ON "cache_tag_event"("created_at");

-- The list's default order (newest confirmation first) read from an index rather than sorted.
CREATE INDEX "housing_offer_county_id_confirmed_at_id_idx" ON "housing_offer"("county_id", "confirmed_at" DESC, "id");
-- "Listed" (published, not expired, not hidden) answered from the index alone: counting a
-- county's 100,000 listed offers reads the index, not the table (npm run bench:rush). It
-- replaces the index on (county_id, status), its prefix.
DROP INDEX "housing_offer_county_id_status_idx";
CREATE INDEX "housing_offer_county_id_status_expires_at_stale_hidden_at_idx"
    ON "housing_offer"("county_id", "status", "expires_at", "stale_hidden_at");

-- Offers: the county's lists ("offers:<county>") and the offer's own pages ("offer:<id>"), now
-- and, for a published offer, again at its expiry. Statement-level with transition tables, so
-- a bulk change writes one event per tag, not one per row and tag.
CREATE FUNCTION housing_offer_cache_events() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO cache_tag_event (tag, xid, due_at)
        SELECT DISTINCT tag, pg_current_xact_id()::text::bigint, due_at FROM (
            SELECT 'offers:' || county_id AS tag, NULL::timestamp(3) AS due_at FROM new_rows
            UNION ALL SELECT 'offer:' || id, NULL FROM new_rows
            UNION ALL SELECT 'offers:' || county_id, expires_at FROM new_rows
                WHERE status = 'PUBLISHED' AND expires_at > (clock_timestamp() AT TIME ZONE 'UTC')
            UNION ALL SELECT 'offer:' || id, expires_at FROM new_rows
                WHERE status = 'PUBLISHED' AND expires_at > (clock_timestamp() AT TIME ZONE 'UTC')
        ) AS events;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO cache_tag_event (tag, xid)
        SELECT DISTINCT tag, pg_current_xact_id()::text::bigint FROM (
            SELECT 'offers:' || county_id AS tag FROM old_rows
            UNION ALL SELECT 'offer:' || id FROM old_rows
        ) AS events;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER housing_offer_cache_events_insert AFTER INSERT ON housing_offer
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION housing_offer_cache_events();
CREATE TRIGGER housing_offer_cache_events_update AFTER UPDATE ON housing_offer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION housing_offer_cache_events();
CREATE TRIGGER housing_offer_cache_events_delete AFTER DELETE ON housing_offer
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION housing_offer_cache_events();

-- The expiries of offers listed before the triggers existed (this migration, a restore through
-- pg_restore, which creates the triggers after the rows): each as an event due then.
CREATE FUNCTION cache_events_for_listed_offers() RETURNS void AS $$
    INSERT INTO cache_tag_event (tag, xid, due_at)
    SELECT tag, pg_current_xact_id()::text::bigint, due_at FROM (
        SELECT 'offers:' || county_id AS tag, expires_at AS due_at FROM housing_offer
         WHERE status = 'PUBLISHED' AND expires_at > (clock_timestamp() AT TIME ZONE 'UTC')
        UNION ALL SELECT 'offer:' || id, expires_at FROM housing_offer
         WHERE status = 'PUBLISHED' AND expires_at > (clock_timestamp() AT TIME ZONE 'UTC')
    ) AS events;
$$ LANGUAGE sql;
SELECT cache_events_for_listed_offers();

-- What else the board shows: the county (name, settings: "counties" and "board:<county>"), its
-- municipalities (names, the filter) and rent ceilings (the hint, the "Kosten" filter).
CREATE FUNCTION board_cache_events() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO cache_tag_event (tag, xid)
        SELECT DISTINCT tag, pg_current_xact_id()::text::bigint FROM (
            SELECT 'board:' || (to_jsonb(row_data) ->> TG_ARGV[0]) AS tag FROM new_rows AS row_data
        ) AS events;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO cache_tag_event (tag, xid)
        SELECT DISTINCT tag, pg_current_xact_id()::text::bigint FROM (
            SELECT 'board:' || (to_jsonb(row_data) ->> TG_ARGV[0]) AS tag FROM old_rows AS row_data
        ) AS events;
    END IF;
    IF TG_TABLE_NAME = 'county' THEN
        INSERT INTO cache_tag_event (tag, xid) VALUES ('counties', pg_current_xact_id()::text::bigint);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER county_cache_events_insert AFTER INSERT ON county
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('id');
CREATE TRIGGER county_cache_events_update AFTER UPDATE ON county
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('id');
CREATE TRIGGER county_cache_events_delete AFTER DELETE ON county
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('id');
CREATE TRIGGER municipality_cache_events_insert AFTER INSERT ON municipality
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('county_id');
CREATE TRIGGER municipality_cache_events_update AFTER UPDATE ON municipality
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('county_id');
CREATE TRIGGER municipality_cache_events_delete AFTER DELETE ON municipality
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('county_id');
CREATE TRIGGER rent_ceiling_cache_events_insert AFTER INSERT ON rent_ceiling
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('county_id');
CREATE TRIGGER rent_ceiling_cache_events_update AFTER UPDATE ON rent_ceiling
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('county_id');
CREATE TRIGGER rent_ceiling_cache_events_delete AFTER DELETE ON rent_ceiling
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION board_cache_events('county_id');
