// A stand-in for npm start's stop sequence (tests/integration/ctrl-c.test.ts): opens the embedded
// database the way npm start does, and on Ctrl-C stops it itself and says so.
import { openDatabase } from "../../lib/platform/database-setup";

const database = await openDatabase(() => {}, { ownSignalHandling: process.env.OWN_SIGNAL_HANDLING === "1" });
process.on("SIGINT", () => {
  database.release();
  // Like npm start waiting for the app: the stop takes a moment, and must be allowed to finish.
  setTimeout(() => {
    void database.stop().then(() => {
      process.stdout.write("Stopped.\n");
      process.exit(0);
    });
  }, 500);
});
process.stdout.write("ready\n");
