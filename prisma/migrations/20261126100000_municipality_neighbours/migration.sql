-- Neighbour relations for the balancing proposal (issue 12). A relation is symmetric, so each
-- pair is stored once, the smaller id first (byte order, COLLATE "C", as the app compares). Both
-- foreign keys carry the county, so the database refuses a neighbour from another county.

-- The target of the composite foreign keys below.
CREATE UNIQUE INDEX "municipality_county_id_id_key" ON "municipality"("county_id", "id");

CREATE TABLE "municipality_neighbour" (
    "county_id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "neighbour_id" TEXT NOT NULL,
    "travel_minutes" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipality_neighbour_pkey" PRIMARY KEY ("municipality_id", "neighbour_id"),
    -- Once per pair, and never a municipality with itself.
    CONSTRAINT "municipality_neighbour_order_check" CHECK ("municipality_id" < "neighbour_id" COLLATE "C"),
    CONSTRAINT "municipality_neighbour_travel_minutes_check" CHECK ("travel_minutes" IS NULL OR "travel_minutes" BETWEEN 1 AND 300)
);

CREATE INDEX "municipality_neighbour_neighbour_id_idx" ON "municipality_neighbour"("neighbour_id");
CREATE INDEX "municipality_neighbour_county_id_idx" ON "municipality_neighbour"("county_id");

ALTER TABLE "municipality_neighbour" ADD CONSTRAINT "municipality_neighbour_county_id_municipality_id_fkey"
    FOREIGN KEY ("county_id", "municipality_id") REFERENCES "municipality"("county_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "municipality_neighbour" ADD CONSTRAINT "municipality_neighbour_county_id_neighbour_id_fkey"
    FOREIGN KEY ("county_id", "neighbour_id") REFERENCES "municipality"("county_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
