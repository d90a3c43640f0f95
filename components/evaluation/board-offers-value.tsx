import { boardOffersText, type BoardOffers } from "@/lib/capacity/board-offers";
import { formatNumber } from "@/lib/format";

/**
 * A /lage cell of "Private Angebote (Börse)": the persons, and below them the offers, so the
 * column stays narrow enough for the whole table at 1,280 px. Screen readers hear it in full.
 */
export function BoardOffersValue({ board }: { board: BoardOffers | undefined }) {
  if (!board || board.offers === 0) return <span className="text-slate-600">keine</span>;
  const offers = board.offers === 1 ? "1 Angebot" : `${formatNumber(board.offers)} Angebote`;
  return (
    <>
      <span className="sr-only">{boardOffersText(board)}</span>
      <span aria-hidden="true" className="whitespace-nowrap">
        {formatNumber(board.persons)} Pers.
      </span>
      <span aria-hidden="true" className="block text-xs whitespace-nowrap text-slate-700">
        {offers}
      </span>
    </>
  );
}
