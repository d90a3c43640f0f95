-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLERK', 'COORDINATOR', 'PRESS', 'ADMIN');

-- CreateEnum
CREATE TYPE "SituationRating" AS ENUM ('SUFFICIENT', 'CRITICAL');

-- CreateEnum
CREATE TYPE "UserTokenPurpose" AS ENUM ('INVITE');

-- CreateTable
CREATE TABLE "county" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "reporting_interval_days" INTEGER NOT NULL DEFAULT 7,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "county_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "county_reporting_interval_days_check" CHECK ("reporting_interval_days" BETWEEN 1 AND 365)
);

-- CreateTable
CREATE TABLE "municipality" (
    "id" TEXT NOT NULL,
    "county_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "mailbox_email" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "role" "Role" NOT NULL,
    "county_id" TEXT NOT NULL,
    "municipality_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_sign_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
    -- E-mail addresses are stored normalised, so the unique key is case-insensitive.
    CONSTRAINT "app_user_email_lowercase_check" CHECK ("email" = lower("email")),
    -- A clerk belongs to exactly one municipality; no other role is bound to one.
    CONSTRAINT "app_user_clerk_municipality_check" CHECK (("role" = 'CLERK') = ("municipality_id" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "user_token" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "purpose" "UserTokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "capacity_report" (
    "id" TEXT NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "reporting_date" DATE NOT NULL,
    "allocations" INTEGER,
    "arrivals" INTEGER,
    "not_credited" INTEGER,
    "possibly_credited" INTEGER,
    "quota_outstanding" INTEGER,
    "housed_shared" INTEGER,
    "housed_decentral" INTEGER,
    "available_shared" INTEGER,
    "available_decentral" INTEGER,
    "prospective_shared" INTEGER,
    "prospective_decentral" INTEGER,
    "situation" "SituationRating",
    "comment" TEXT,
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "capacity_report_pkey" PRIMARY KEY ("id"),
    -- Only the quota still to fulfil may be negative (over-fulfilled).
    CONSTRAINT "capacity_report_figures_non_negative_check" CHECK (
        COALESCE("allocations", 0) >= 0 AND COALESCE("arrivals", 0) >= 0
        AND COALESCE("not_credited", 0) >= 0 AND COALESCE("possibly_credited", 0) >= 0
        AND COALESCE("housed_shared", 0) >= 0 AND COALESCE("housed_decentral", 0) >= 0
        AND COALESCE("available_shared", 0) >= 0 AND COALESCE("available_decentral", 0) >= 0
        AND COALESCE("prospective_shared", 0) >= 0 AND COALESCE("prospective_decentral", 0) >= 0
    )
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" TEXT NOT NULL,
    "county_id" TEXT,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "caught_mail" (
    "id" TEXT NOT NULL,
    "envelope_from" TEXT NOT NULL,
    "envelope_to" TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "header_from" TEXT NOT NULL,
    "header_to" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caught_mail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "county_slug_key" ON "county"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "municipality_county_id_slug_key" ON "municipality"("county_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "municipality_county_id_name_key" ON "municipality"("county_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_county_id_idx" ON "app_user"("county_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_token_token_hash_key" ON "user_token"("token_hash");

-- CreateIndex
CREATE INDEX "user_token_user_id_idx" ON "user_token"("user_id");

-- CreateIndex
CREATE INDEX "capacity_report_municipality_id_reporting_date_created_at_idx" ON "capacity_report"("municipality_id", "reporting_date" DESC, "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_county_id_created_at_idx" ON "audit_event"("county_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_subject_type_subject_id_idx" ON "audit_event"("subject_type", "subject_id");

-- CreateIndex
CREATE INDEX "sign_in_attempt_email_created_at_idx" ON "sign_in_attempt"("email", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_address_created_at_idx" ON "sign_in_attempt"("ip_address", "created_at");

-- CreateIndex
CREATE INDEX "caught_mail_received_at_idx" ON "caught_mail"("received_at" DESC);

-- AddForeignKey
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_county_id_fkey" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_county_id_fkey" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_token" ADD CONSTRAINT "user_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capacity_report" ADD CONSTRAINT "capacity_report_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capacity_report" ADD CONSTRAINT "capacity_report_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_county_id_fkey" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Reports are a history: a correction is a new row, never an edit. The database refuses
-- UPDATE and DELETE so that no code path can rewrite it.
CREATE FUNCTION "capacity_report_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'capacity_report is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "capacity_report_append_only"
    BEFORE UPDATE OR DELETE ON "capacity_report"
    FOR EACH ROW EXECUTE FUNCTION "capacity_report_append_only"();
