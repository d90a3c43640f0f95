// The tags the public board's cached data carries. The database triggers write the same names
// (migration 20261130090000_public_board_cache): change one, change both.

/** Every county (the board county is looked up by slug or as the first one). */
export const COUNTIES_TAG = "counties";
/** Any offer of the county: lists, counts, the feed. */
export const offersTag = (countyId: string) => `offers:${countyId}`;
/** One offer: its page and its API representation. */
export const offerTag = (offerId: string) => `offer:${offerId}`;
/** The county itself, its municipalities and its rent ceilings. */
export const boardTag = (countyId: string) => `board:${countyId}`;
