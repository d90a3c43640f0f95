-- Rate limiting shared by sign-in, password changes and the public board: one row per counted
-- attempt. Counting and recording happen under an advisory lock per key, so parallel requests
-- cannot all pass the count before any is recorded.
CREATE TABLE "rate_limit_hit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_hit_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "rate_limit_hit_key_created_at_idx" ON "rate_limit_hit"("key", "created_at");

-- Server-side sessions: the signed cookie names one of these rows. Sign-out revokes it, and a
-- session ends at its absolute expiry however often the cookie is renewed.
CREATE TABLE "user_session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");

ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sign-in attempts are now the record of who tried when (kept 90 days), throttled ones included.
ALTER TABLE "sign_in_attempt" ADD COLUMN "throttled" BOOLEAN NOT NULL DEFAULT false;
