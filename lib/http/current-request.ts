import "server-only";
import { headers } from "next/headers";
import { requestIdOf } from "./request-id";

/** The id of the request being handled; undefined outside a request (jobs, scripts). */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return requestIdOf(await headers());
  } catch {
    return undefined;
  }
}
