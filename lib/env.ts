import { z } from "zod";

// The one place that reads process.env for the running app. Validated on first use, so that
// `next build` needs no secrets. Scripts (scripts/*.ts) prepare these variables before they
// start the app; see .env.example.
const envSchema = z.object({
  DATABASE_URL: z.string({ error: "DATABASE_URL is required" }).regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  AUTH_SECRET: z.string({ error: "AUTH_SECRET is required" }).min(32, "AUTH_SECRET must have at least 32 characters"),
  /** Public base URL, used for links in e-mails. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** smtp:// or smtps:// URL of the mail server. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Wohnraum <noreply@wohnraum.example>"),
  /** Set by `npm start` when it runs the built-in SMTP catcher; enables the Postausgang page. */
  MAIL_CATCHER: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (default): the
   * header is ignored and the socket address is the client's, so a client cannot choose its own.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Absolute lifetime of a session from sign-in, in hours; renewal cannot extend it. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** How long sign-in attempts are kept (they are the record of who tried when). */
  SIGN_IN_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * The county whose municipalities the public offer board serves (its slug). Unset: the county
   * created first, which is the only one in most installations.
   */
  BOARD_COUNTY: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "BOARD_COUNTY must be a county slug")
    .optional(),
  /**
   * Bearer token for /api/metrics (Prometheus). Unset: metrics are off and /api/metrics answers 404.
   */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must have at least 16 characters").optional(),
  /** Run background job workers in this process (default on). */
  JOBS_WORKER: z
    .enum(["0", "1"])
    .default("1")
    .transform((value) => value === "1"),
  /** The daily backup at 03:00 Europe/Berlin in this process's job worker (lib/backup/job.ts); `npm start` sets it in embedded mode. */
  BACKUP_SCHEDULE: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /** Where backups are written; default: `backups` in the data folder (WOHNRAUM_DATA_DIR, else .data). */
  BACKUP_DIR: z.string().optional(),
  /** How many backup files the daily backup keeps; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace"], {
  error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace",
});

/**
 * LOG_LEVEL on its own: the logger starts before (and without) the rest of the configuration,
 * e.g. in scripts. An invalid value falls back to "info" and says so in the log.
 */
export function logLevelSetting(): { level: z.infer<typeof logLevelSchema>; problem?: string } {
  const raw = process.env.LOG_LEVEL?.trim();
  if (!raw) return { level: "info" };
  const parsed = logLevelSchema.safeParse(raw);
  return parsed.success ? { level: parsed.data } : { level: "info", problem: parsed.error.issues[0]?.message };
}
