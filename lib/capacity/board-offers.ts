import type { CountyEvaluation } from "./evaluation";
import { persons } from "../format";

// Private offers on the public board next to the reported figures (/lage, the municipality page,
// exports): a column of their own, "Private Angebote (Börse)", never added to the official
// figures: an offer is a citizen's proposal, not a place the municipality has.

export interface BoardOffers {
  /** Offers listed on the board. */
  offers: number;
  /** Persons those offers can house together. */
  persons: number;
}

export const NO_BOARD_OFFERS: BoardOffers = { offers: 0, persons: 0 };

/** The evaluation with each municipality's listed board offers and the county's sum (pure). */
export function withBoardOffers(evaluation: CountyEvaluation, byMunicipality: ReadonlyMap<string, BoardOffers>): CountyEvaluation {
  const rows = evaluation.rows.map((row) => ({ ...row, boardOffers: byMunicipality.get(row.municipalityId) ?? NO_BOARD_OFFERS }));
  const boardOffers = rows.reduce(
    (total, row) => ({ offers: total.offers + row.boardOffers.offers, persons: total.persons + row.boardOffers.persons }),
    NO_BOARD_OFFERS,
  );
  return { ...evaluation, rows, boardOffers };
}

/** "3 Angebote, 9 Personen"; "keine" without offers. */
export function boardOffersText(board: BoardOffers | undefined): string {
  if (!board || board.offers === 0) return "keine";
  const offers = board.offers === 1 ? "1 Angebot" : `${board.offers.toLocaleString("de-DE")} Angebote`;
  return `${offers}, ${persons(board.persons)}`;
}
