import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { AppError } from "../errors";

// scrypt is memory-hard and built into Node, so no native add-on is needed.
// N=2^15, r=8 uses 32 MiB per hash and takes about 50-100 ms on the target machines.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Thrown instead of queueing yet another hash; an expected error with its German message. */
export class PasswordHashingBusy extends AppError {
  constructor() {
    super("RATE_LIMITED", "Gerade gibt es sehr viele Anmeldeversuche. Bitte versuchen Sie es in einigen Sekunden noch einmal.");
    this.name = "PasswordHashingBusy";
  }
}

// Each hash takes 32 MiB and a thread of libuv's pool (4 threads) for ~100 ms. A burst of
// sign-ins must not starve the rest of the server: at most 2 hashes run at once, 16 more may
// wait up to 3 s, and anything beyond is refused at once.
const HASH_LIMITS = { concurrent: 2, waiting: 16, maxWaitMs: 3000 } as const;
let running = 0;
const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_LIMITS.concurrent) {
    if (waiting.length >= HASH_LIMITS.waiting) throw new PasswordHashingBusy();
    await new Promise<void>((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          reject(new PasswordHashingBusy());
        }, HASH_LIMITS.maxWaitMs),
      };
      waiting.push(entry);
    });
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiting hash, or free it.
    const next = waiting.shift();
    if (next) next.start();
    else running--;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await withHashSlot(() => derive(password, salt, PARAMS));
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // Only our own parameters: a stored hash must not make us allocate arbitrary memory.
  if (params.N !== PARAMS.N || params.r !== PARAMS.r || params.p !== PARAMS.p) return false;
  const actual = await withHashSlot(() => derive(password, Buffer.from(salt, "base64"), params));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

// Verifying against this when the account does not exist keeps the answer time the same.
export const UNKNOWN_USER_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/** A readable random password for demo accounts and one-time passwords. */
export function generatePassword(length = 16): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

export { PASSWORD_MIN_LENGTH } from "./password-policy";
