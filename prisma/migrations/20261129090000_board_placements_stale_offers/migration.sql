-- Board reach (issue 11): placements that came from the board (household size only), and the
-- stale-offer check (seekers' feedback, the offerer's "still current?" round, hiding).

CREATE TYPE "OfferFeedback" AS ENUM ('NO_ANSWER', 'TAKEN');

ALTER TABLE "housing_offer" ADD COLUMN "kept_at" TIMESTAMP(3),
    ADD COLUMN "stale_check_sent_at" TIMESTAMP(3),
    ADD COLUMN "stale_hidden_at" TIMESTAMP(3);
-- Hidden only after a check went out.
ALTER TABLE "housing_offer" ADD CONSTRAINT "housing_offer_stale_hidden_check"
    CHECK ("stale_hidden_at" IS NULL OR "stale_check_sent_at" IS NOT NULL);

ALTER TABLE "offer_contact" ADD COLUMN "feedback_token_hash" TEXT,
    ADD COLUMN "feedback" "OfferFeedback",
    ADD COLUMN "feedback_at" TIMESTAMP(3);
CREATE UNIQUE INDEX "offer_contact_feedback_token_hash_key" ON "offer_contact"("feedback_token_hash");
ALTER TABLE "offer_contact" ADD CONSTRAINT "offer_contact_feedback_check" CHECK (("feedback" IS NULL) = ("feedback_at" IS NULL));

CREATE TABLE "board_placement" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "offer_id" TEXT,
    "household_size" INTEGER NOT NULL,
    "placed_on" DATE NOT NULL,
    "recorded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_placement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "board_placement_household_size_check" CHECK ("household_size" BETWEEN 1 AND 30),
    CONSTRAINT "board_placement_placed_on_check" CHECK ("placed_on" >= DATE '2000-01-01')
);

CREATE INDEX "board_placement_municipality_id_placed_on_idx" ON "board_placement"("municipality_id", "placed_on");
CREATE INDEX "board_placement_county_id_placed_on_idx" ON "board_placement"("county_id", "placed_on");

ALTER TABLE "board_placement" ADD CONSTRAINT "board_placement_county_id_municipality_id_fkey"
    FOREIGN KEY ("county_id", "municipality_id") REFERENCES "municipality"("county_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "board_placement" ADD CONSTRAINT "board_placement_offer_id_fkey"
    FOREIGN KEY ("offer_id") REFERENCES "housing_offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "board_placement" ADD CONSTRAINT "board_placement_recorded_by_id_fkey"
    FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
