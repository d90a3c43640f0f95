// Types for next-cache-handler.mjs (plain JavaScript, loaded by Next.js itself), for the tests.

export const MAX_ENTRY_AGE_MS: number;

interface FetchEntry {
  kind: "FETCH";
  data: { headers: Record<string, string>; body: string; status: number; url: string };
  revalidate: number;
}

export default class WohnraumCacheHandler {
  constructor(context: object);
  get(
    key: string,
    context: { kind: string; tags?: string[]; softTags?: string[] },
  ): Promise<{ lastModified: number; value: FetchEntry } | null>;
  set(key: string, data: FetchEntry | null, context: { fetchCache?: boolean; tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}

export function publicCacheStats(): { hits: number; misses: number; invalidated: number; errors: number; entries: number; bytes: number };
