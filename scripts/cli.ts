import { SetupError } from "../lib/platform/setup-error";

export const log = (line: string) => console.log(`[wohnraum] ${line}`);

/** Runs a CLI entry point: setup problems become one line and exit code 1, never a stack dump. */
export function runCli(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    if (error instanceof SetupError) {
      console.error(`[wohnraum] ${error.message}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[wohnraum] Unexpected error: ${message.split("\n")[0]}${process.env.DEBUG ? "" : " (set DEBUG=1 for details)"}`);
      if (process.env.DEBUG) console.error(error);
    }
    process.exit(1);
  });
}
