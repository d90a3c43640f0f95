-- Board reach (issue 11): the origins that may frame the embeddable offer form, and the county's
-- rent ceilings (KdU) per municipality and household size.

-- Nullable like every Prisma list column; the check keeps it an array without NULL entries.
ALTER TABLE "county" ADD COLUMN "embed_origins" TEXT[] DEFAULT ARRAY[]::TEXT[];
-- Origins only (scheme, host, port): the app builds a Content-Security-Policy from them.
ALTER TABLE "county" ADD CONSTRAINT "county_embed_origins_check"
    CHECK ("embed_origins" IS NOT NULL AND array_position("embed_origins", NULL) IS NULL AND cardinality("embed_origins") <= 20);

CREATE TABLE "rent_ceiling" (
    "county_id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "household_size" INTEGER NOT NULL,
    "max_warm_rent" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rent_ceiling_pkey" PRIMARY KEY ("municipality_id", "household_size"),
    CONSTRAINT "rent_ceiling_household_size_check" CHECK ("household_size" BETWEEN 1 AND 12),
    CONSTRAINT "rent_ceiling_max_warm_rent_check" CHECK ("max_warm_rent" BETWEEN 1 AND 20000)
);

CREATE INDEX "rent_ceiling_county_id_idx" ON "rent_ceiling"("county_id");

ALTER TABLE "rent_ceiling" ADD CONSTRAINT "rent_ceiling_county_id_municipality_id_fkey"
    FOREIGN KEY ("county_id", "municipality_id") REFERENCES "municipality"("county_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
