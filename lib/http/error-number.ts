import { AsyncLocalStorage } from "node:async_hooks";

// The number an error page shows ("Fehlernummer") is the request's id, so that what a user quotes
// finds the request's log lines (lib/http/request-id.ts).
//
// An error page learns of a server error only through its `digest`: Next.js hashes message and
// stack into one unless the error already carries a digest, which it then keeps (and uses as the
// key that ties the server render's error to the HTML render's). Next.js offers no hook between
// the throw and that hash, and its instrumentation hook runs only after the page is on its way.
// So our HTTP server runs each request in this context, and errors get their digest from it the
// first time anything reads `digest`: the first error of a request the request id, further ones
// the id with a running number ("a1b2c3d4e5f6-2"), so that two errors never share a key.
//
// It is a getter on Error.prototype: errors that nobody asks for a digest are untouched, errors
// outside a request (jobs, scripts) get none (as before), and Next.js's own control-flow errors
// (redirect, notFound) carry their own digest as an own property, which wins over the prototype.

interface RequestErrors {
  requestId: string;
  numbered: number;
}

// One store per process, shared by our server's module and Next.js's bundle of the app's code.
const STORE_KEY = Symbol.for("wohnraum.requestErrors");
const globalStore = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RequestErrors> };
const requestErrors = (globalStore[STORE_KEY] ??= new AsyncLocalStorage<RequestErrors>());

/** Runs the handling of one request so that its errors are numbered after its id. */
export function withRequestErrorNumbers<T>(requestId: string, handle: () => T): T {
  return requestErrors.run({ requestId, numbered: 0 }, handle);
}

/** The next error number of the request: its id, then id-2, id-3 … */
export function nextErrorNumber(errors: RequestErrors): string {
  errors.numbered += 1;
  return errors.numbered === 1 ? errors.requestId : `${errors.requestId}-${errors.numbered}`;
}

function setOwnDigest(error: object, digest: unknown): void {
  Object.defineProperty(error, "digest", { value: digest, writable: true, enumerable: true, configurable: true });
}

/** Installs the digest getter on Error.prototype (once per process; server only). */
export function numberRequestErrors(): void {
  if (Object.getOwnPropertyDescriptor(Error.prototype, "digest")) return;
  Object.defineProperty(Error.prototype, "digest", {
    configurable: true,
    enumerable: false,
    get(this: Error): string | undefined {
      const errors = requestErrors.getStore();
      if (!errors || this === Error.prototype) return undefined;
      const digest = nextErrorNumber(errors);
      setOwnDigest(this, digest);
      return digest;
    },
    set(this: Error, digest: unknown) {
      setOwnDigest(this, digest);
    },
  });
}

/** The digest an error already carries, without assigning one (for logging and checks). */
export function assignedDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const digest: unknown = Object.getOwnPropertyDescriptor(error, "digest")?.value;
  return typeof digest === "string" ? digest : undefined;
}
