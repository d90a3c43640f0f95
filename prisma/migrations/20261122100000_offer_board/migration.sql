-- The public housing offer board (issue 10). Offerers have no account; they act through secret
-- links whose tokens are stored only as hashes. CHECK constraints repeat the form's rules, so that
-- no code path (a bug, a replayed request, a manual fix) can store an offer the board could not show.

CREATE TYPE "OfferType" AS ENUM ('ROOM', 'FLAT', 'HOUSE', 'SHARED_FLAT_ROOM');
CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'PUBLISHED', 'PLACED', 'DELETED');
CREATE TYPE "OfferEndedBy" AS ENUM ('OFFERER', 'STAFF');
CREATE TYPE "LegalTextKind" AS ENUM ('PRIVACY', 'IMPRINT');

ALTER TABLE "county"
    ADD COLUMN "offer_default_days" INTEGER NOT NULL DEFAULT 14,
    ADD COLUMN "offer_max_open_per_email" INTEGER NOT NULL DEFAULT 3,
    ADD COLUMN "offer_submits_per_hour" INTEGER NOT NULL DEFAULT 5,
    ADD COLUMN "offer_contacts_per_hour" INTEGER NOT NULL DEFAULT 10,
    ADD COLUMN "offer_retention_days" INTEGER NOT NULL DEFAULT 30,
    ADD CONSTRAINT "county_offer_default_days_check" CHECK ("offer_default_days" IN (3, 7, 14, 30)),
    ADD CONSTRAINT "county_offer_limits_check" CHECK (
        "offer_max_open_per_email" BETWEEN 1 AND 50
        AND "offer_submits_per_hour" BETWEEN 1 AND 1000
        AND "offer_contacts_per_hour" BETWEEN 1 AND 1000
        AND "offer_retention_days" BETWEEN 1 AND 365);

-- Mail in the local catcher is shown to the admins of the county the app tied it to when queueing
-- (an offerer's address belongs to no county user, so matching addresses cannot find it).
ALTER TABLE "caught_mail" ADD COLUMN "county_id" TEXT;
CREATE INDEX "caught_mail_county_id_received_at_idx" ON "caught_mail"("county_id", "received_at" DESC);

CREATE TABLE "housing_offer" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING',
    "locale" TEXT NOT NULL,
    "type" "OfferType" NOT NULL,
    "postal_code" TEXT NOT NULL,
    "district" TEXT,
    "persons" INTEGER NOT NULL,
    "rooms" INTEGER,
    "size_sqm" INTEGER,
    "available_from" DATE NOT NULL,
    "available_until" DATE,
    "warm_rent_euros" INTEGER,
    "free_of_charge" BOOLEAN NOT NULL,
    "furnished" BOOLEAN NOT NULL,
    "barrier_free" BOOLEAN NOT NULL,
    "pets_allowed" BOOLEAN NOT NULL,
    "languages" TEXT[],
    "description" TEXT NOT NULL,
    "contact_email" TEXT,
    "contact_phone" TEXT,
    "publish_phone" BOOLEAN NOT NULL,
    "duration_days" INTEGER NOT NULL,
    "privacy_version" INTEGER NOT NULL,
    "privacy_accepted_at" TIMESTAMP(3) NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "ended_by" "OfferEndedBy",
    "wants_advice" BOOLEAN NOT NULL DEFAULT false,
    "advice_done_at" TIMESTAMP(3),
    "reminder_sent_at" TIMESTAMP(3),
    "personal_data_erased_at" TIMESTAMP(3),

    CONSTRAINT "housing_offer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "housing_offer_locale_check" CHECK ("locale" IN ('de', 'en', 'uk', 'ru', 'ar')),
    CONSTRAINT "housing_offer_postal_code_check" CHECK ("postal_code" ~ '^[0-9]{5}$'),
    CONSTRAINT "housing_offer_district_check" CHECK (char_length("district") <= 100),
    CONSTRAINT "housing_offer_persons_check" CHECK ("persons" BETWEEN 1 AND 50),
    CONSTRAINT "housing_offer_rooms_check" CHECK ("rooms" BETWEEN 1 AND 50),
    CONSTRAINT "housing_offer_size_check" CHECK ("size_sqm" BETWEEN 5 AND 2000),
    CONSTRAINT "housing_offer_period_check" CHECK ("available_until" IS NULL OR "available_until" >= "available_from"),
    CONSTRAINT "housing_offer_rent_check" CHECK (
        ("free_of_charge" AND "warm_rent_euros" IS NULL)
        OR (NOT "free_of_charge" AND "warm_rent_euros" BETWEEN 1 AND 20000)),
    CONSTRAINT "housing_offer_languages_check" CHECK (cardinality("languages") <= 20),
    CONSTRAINT "housing_offer_description_check" CHECK (char_length("description") BETWEEN 1 AND 2000),
    CONSTRAINT "housing_offer_email_check" CHECK (
        "contact_email" IS NULL OR ("contact_email" = lower("contact_email") AND char_length("contact_email") <= 254 AND "contact_email" LIKE '%_@_%')),
    CONSTRAINT "housing_offer_phone_check" CHECK ("contact_phone" ~ '^\+?[0-9 ()/-]{5,30}$'),
    CONSTRAINT "housing_offer_publish_phone_check" CHECK (NOT "publish_phone" OR "contact_phone" IS NOT NULL OR "personal_data_erased_at" IS NOT NULL),
    CONSTRAINT "housing_offer_duration_check" CHECK ("duration_days" IN (3, 7, 14, 30)),
    -- Contact data is there until erased: an offer without an address could not be managed.
    CONSTRAINT "housing_offer_contact_check" CHECK (("contact_email" IS NULL) = ("personal_data_erased_at" IS NOT NULL)),
    -- A published (or since ended) offer was confirmed and has an expiry; a pending one neither.
    CONSTRAINT "housing_offer_status_check" CHECK (
        ("status" = 'PENDING' AND "confirmed_at" IS NULL AND "expires_at" IS NULL AND "ended_at" IS NULL)
        OR ("status" = 'PUBLISHED' AND "confirmed_at" IS NOT NULL AND "expires_at" IS NOT NULL AND "ended_at" IS NULL)
        OR ("status" IN ('PLACED', 'DELETED') AND "ended_at" IS NOT NULL AND "ended_by" IS NOT NULL)),
    CONSTRAINT "housing_offer_advice_check" CHECK (NOT "wants_advice" OR "status" = 'PLACED')
);

CREATE INDEX "housing_offer_status_expires_at_idx" ON "housing_offer"("status", "expires_at");
CREATE INDEX "housing_offer_municipality_id_status_idx" ON "housing_offer"("municipality_id", "status");
CREATE INDEX "housing_offer_county_id_status_idx" ON "housing_offer"("county_id", "status");
CREATE INDEX "housing_offer_contact_email_idx" ON "housing_offer"("contact_email");

ALTER TABLE "housing_offer" ADD CONSTRAINT "housing_offer_county_id_fkey" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "housing_offer" ADD CONSTRAINT "housing_offer_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The county column repeats the municipality's, so access rules can filter on it directly; a
-- trigger keeps it from ever disagreeing.
CREATE FUNCTION housing_offer_county_matches() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM municipality WHERE id = NEW.municipality_id AND county_id = NEW.county_id) THEN
        RAISE EXCEPTION 'housing_offer.county_id must be the county of its municipality' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER housing_offer_county_matches
    BEFORE INSERT OR UPDATE OF county_id, municipality_id ON housing_offer
    FOR EACH ROW EXECUTE FUNCTION housing_offer_county_matches();

CREATE TABLE "offer_token" (
    "id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_token_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "offer_token_token_hash_key" ON "offer_token"("token_hash");
CREATE INDEX "offer_token_offer_id_idx" ON "offer_token"("offer_id");
ALTER TABLE "offer_token" ADD CONSTRAINT "offer_token_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "housing_offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "offer_contact" (
    "id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "sender_name" TEXT,
    "sender_email" TEXT,
    "message" TEXT,
    "locale" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_contact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "offer_contact_lengths_check" CHECK (
        char_length("sender_name") <= 100 AND char_length("sender_email") <= 254 AND char_length("message") <= 2000)
);

CREATE INDEX "offer_contact_offer_id_idx" ON "offer_contact"("offer_id");
ALTER TABLE "offer_contact" ADD CONSTRAINT "offer_contact_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "housing_offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "legal_text" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "kind" "LegalTextKind" NOT NULL,
    "locale" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "legal_text_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "legal_text_locale_check" CHECK ("locale" IN ('de', 'en', 'uk', 'ru', 'ar')),
    CONSTRAINT "legal_text_body_check" CHECK (char_length("body") <= 50000)
);

CREATE UNIQUE INDEX "legal_text_county_id_kind_locale_key" ON "legal_text"("county_id", "kind", "locale");
ALTER TABLE "legal_text" ADD CONSTRAINT "legal_text_county_id_fkey" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE CASCADE ON UPDATE CASCADE;
