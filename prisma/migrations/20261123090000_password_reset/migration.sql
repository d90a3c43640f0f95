-- "Passwort vergessen?": reset links are single-use user tokens of their own purpose.
-- PostgreSQL 12+ allows ADD VALUE inside the runner's transaction as long as the new value is not
-- used in that same transaction (it is not).
ALTER TYPE "UserTokenPurpose" ADD VALUE 'PASSWORD_RESET';
