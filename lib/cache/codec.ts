// unstable_cache keeps a value as JSON, which turns a Date into a string and a Map into {}. The
// cached data functions return both, so values are wrapped on the way in and restored on the
// way out.

const DATE = "$date";
const MAP = "$map";

/** A JSON-safe copy of the value: Dates and Maps become tagged objects. */
export function encodeForCache(value: unknown): unknown {
  if (value instanceof Date) return { [DATE]: value.toISOString() };
  if (value instanceof Map) return { [MAP]: [...value].map(([key, entry]) => [encodeForCache(key), encodeForCache(entry)]) };
  if (Array.isArray(value)) return value.map(encodeForCache);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, encodeForCache(entry)]));
  }
  return value;
}

/** The value encodeForCache was given, from its JSON round trip. */
export function decodeFromCache<T>(value: unknown): T {
  return decode(value) as T;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === DATE && typeof record[DATE] === "string") return new Date(record[DATE]);
    if (keys.length === 1 && keys[0] === MAP && Array.isArray(record[MAP])) {
      return new Map((record[MAP] as [unknown, unknown][]).map(([key, entry]) => [decode(key), decode(entry)]));
    }
    return Object.fromEntries(keys.map((key) => [key, decode(record[key])]));
  }
  return value;
}
