import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as german from "@zxcvbn-ts/language-de";

// New passwords must not be trivially guessable: a maintained strength estimator (zxcvbn-ts)
// with its offline lists of common passwords and German words. Server-only: the dictionaries
// are large and need not reach the browser; the form shows the answer at the field.

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...german.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

/** Score 3 of 4: "safely unguessable" against throttled online attacks and more. */
export const MIN_PASSWORD_SCORE = 3;

/** A German message when the password is too easy to guess; null when it is good enough. */
export function weakPasswordMessage(password: string, userInputs: string[] = []): string | null {
  const result = zxcvbn().check(password.slice(0, 100), [...userInputs, "wohnraum", "landkreis", "kommune"]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  return "Dieses Passwort ist zu leicht zu erraten. Bitte wählen Sie ein längeres, weniger naheliegendes (z. B. mehrere zufällige Wörter).";
}
