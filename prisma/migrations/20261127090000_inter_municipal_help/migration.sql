-- Inter-municipal help (issue 12): requests, offers and agreed placements between municipalities
-- of one county. Every municipality reference is a composite foreign key with the county (target:
-- municipality(county_id, id)), so the database itself refuses a request, offer or placement that
-- crosses counties. Checks repeat the zod rules the app validates with, so a replayed or hand-made
-- write cannot store what the form would refuse.

CREATE TYPE "HelpAccommodation" AS ENUM ('SHARED', 'DECENTRAL', 'EITHER');
CREATE TYPE "HelpRequestStatus" AS ENUM ('OPEN', 'PARTLY_COVERED', 'COVERED', 'WITHDRAWN');
CREATE TYPE "HelpOfferStatus" AS ENUM ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'CLOSED');
CREATE TYPE "HelpDuration" AS ENUM ('TEMPORARY', 'PERMANENT');

CREATE TABLE "help_request" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "addressed_to_id" TEXT,
    "persons" INTEGER NOT NULL,
    "composition" TEXT NOT NULL,
    "needed_by" DATE NOT NULL,
    "accommodation" "HelpAccommodation" NOT NULL,
    "comment" TEXT,
    "status" "HelpRequestStatus" NOT NULL DEFAULT 'OPEN',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "help_request_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "help_request_persons_check" CHECK ("persons" BETWEEN 1 AND 10000),
    CONSTRAINT "help_request_needed_by_check" CHECK ("needed_by" >= DATE '2000-01-01'),
    CONSTRAINT "help_request_addressed_check" CHECK ("addressed_to_id" IS NULL OR "addressed_to_id" <> "municipality_id")
);

CREATE TABLE "help_offer" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "persons" INTEGER NOT NULL,
    "accommodation" "HelpAccommodation" NOT NULL,
    "available_from" DATE NOT NULL,
    "duration" "HelpDuration" NOT NULL,
    "available_until" DATE,
    "comment" TEXT,
    "exceeds_free_places_confirmed" BOOLEAN NOT NULL DEFAULT false,
    "status" "HelpOfferStatus" NOT NULL DEFAULT 'OPEN',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "help_offer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "help_offer_persons_check" CHECK ("persons" BETWEEN 1 AND 10000),
    CONSTRAINT "help_offer_accommodation_check" CHECK ("accommodation" <> 'EITHER'),
    CONSTRAINT "help_offer_available_from_check" CHECK ("available_from" >= DATE '2000-01-01'),
    -- A temporary offer has its end after its first day; a permanent one has none. (IS NOT NULL:
    -- a comparison with NULL would let the check pass.)
    CONSTRAINT "help_offer_until_check" CHECK (
        ("duration" = 'PERMANENT' AND "available_until" IS NULL)
        OR ("duration" = 'TEMPORARY' AND "available_until" IS NOT NULL AND "available_until" > "available_from")
    )
);

CREATE TABLE "help_placement" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "persons" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "ended_on" DATE,
    "agreed_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "help_placement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "help_placement_persons_check" CHECK ("persons" BETWEEN 1 AND 10000),
    CONSTRAINT "help_placement_host_check" CHECK ("host_id" <> "requester_id"),
    CONSTRAINT "help_placement_starts_on_check" CHECK ("starts_on" >= DATE '2000-01-01'),
    CONSTRAINT "help_placement_ends_on_check" CHECK ("ends_on" IS NULL OR "ends_on" > "starts_on"),
    -- Ended on its first day at the earliest (then it never ran: called off before it began).
    CONSTRAINT "help_placement_ended_on_check" CHECK ("ended_on" IS NULL OR "ended_on" >= "starts_on")
);

CREATE UNIQUE INDEX "help_request_county_id_id_key" ON "help_request"("county_id", "id");
CREATE INDEX "help_request_county_id_status_idx" ON "help_request"("county_id", "status");
CREATE INDEX "help_request_municipality_id_idx" ON "help_request"("municipality_id");
CREATE INDEX "help_offer_request_id_idx" ON "help_offer"("request_id");
CREATE INDEX "help_offer_municipality_id_idx" ON "help_offer"("municipality_id");
CREATE UNIQUE INDEX "help_placement_offer_id_key" ON "help_placement"("offer_id");
CREATE INDEX "help_placement_county_id_starts_on_idx" ON "help_placement"("county_id", "starts_on");
CREATE INDEX "help_placement_request_id_idx" ON "help_placement"("request_id");

ALTER TABLE "help_request" ADD CONSTRAINT "help_request_county_id_fkey"
    FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "help_request" ADD CONSTRAINT "help_request_county_id_municipality_id_fkey"
    FOREIGN KEY ("county_id", "municipality_id") REFERENCES "municipality"("county_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "help_request" ADD CONSTRAINT "help_request_county_id_addressed_to_id_fkey"
    FOREIGN KEY ("county_id", "addressed_to_id") REFERENCES "municipality"("county_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "help_request" ADD CONSTRAINT "help_request_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "help_offer" ADD CONSTRAINT "help_offer_county_id_request_id_fkey"
    FOREIGN KEY ("county_id", "request_id") REFERENCES "help_request"("county_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "help_offer" ADD CONSTRAINT "help_offer_county_id_municipality_id_fkey"
    FOREIGN KEY ("county_id", "municipality_id") REFERENCES "municipality"("county_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "help_offer" ADD CONSTRAINT "help_offer_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "help_placement" ADD CONSTRAINT "help_placement_county_id_request_id_fkey"
    FOREIGN KEY ("county_id", "request_id") REFERENCES "help_request"("county_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "help_placement" ADD CONSTRAINT "help_placement_offer_id_fkey"
    FOREIGN KEY ("offer_id") REFERENCES "help_offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "help_placement" ADD CONSTRAINT "help_placement_county_id_requester_id_fkey"
    FOREIGN KEY ("county_id", "requester_id") REFERENCES "municipality"("county_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "help_placement" ADD CONSTRAINT "help_placement_county_id_host_id_fkey"
    FOREIGN KEY ("county_id", "host_id") REFERENCES "municipality"("county_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "help_placement" ADD CONSTRAINT "help_placement_agreed_by_id_fkey"
    FOREIGN KEY ("agreed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
