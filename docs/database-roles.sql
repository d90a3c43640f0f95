-- Wohnraum with an external PostgreSQL: the app connects as its own login role with only the
-- rights it needs (DATABASE_URL); migrations run as the owner of the tables
-- (MIGRATION_DATABASE_URL). Only an owner can TRUNCATE a table or disable its triggers, so the
-- append-only history of capacity reports and the audit trail hold against the app itself.
--
-- First apply the migrations as the owner (`DATABASE_URL=<owner URL> npm run db:migrate`), then
-- run this once as a superuser or as the owner role with CREATEROLE:
--   psql -v app_role=wohnraum_app -v app_password='...' -v owner_role=wohnraum \
--        -v database=wohnraum -f docs/database-roles.sql "$MIGRATION_DATABASE_URL"
-- After that, `npm start` and `npm run db:migrate` with both URLs set re-apply the GRANTs below
-- (lib/db/roles.ts) after every migration run, and install pg-boss's tables for the app role.

CREATE ROLE :"app_role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
-- The owner hands the pg-boss schema and its tables to the app role, which needs this.
GRANT :"app_role" TO :"owner_role";

GRANT CONNECT ON DATABASE :"database" TO :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";

-- Rows, never structure: no TRUNCATE, REFERENCES or TRIGGER, and no ownership.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- Tables and sequences that later migrations create get the same rights.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
  GRANT USAGE ON SEQUENCES TO :"app_role";

-- Append-only tables: read and append only (lib/db/roles.ts, APPEND_ONLY_TABLES). A new
-- append-only table is added there and here together with its migration.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE capacity_report, audit_event FROM :"app_role";

-- The migration record is the owner's business; the app only reads it (the scheduled backup
-- records the schema's version).
REVOKE ALL ON TABLE "_prisma_migrations" FROM :"app_role";
GRANT SELECT ON TABLE "_prisma_migrations" TO :"app_role";

-- pg-boss creates a table per queue at run time, so the app role owns pg-boss's schema. It needs
-- no CREATE right on the database (that would let it create schemas that shadow the owner's).
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION :"app_role";

-- PostgreSQL before 15 only: nobody but the owner may create objects in the public schema.
-- REVOKE CREATE ON SCHEMA public FROM PUBLIC;
