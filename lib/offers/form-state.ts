// What a board server action returns to its form (kept apart: "use server" files export only actions).
export interface BoardFormState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
  /** Extra detail for a success, e.g. the address the confirmation went to. */
  detail?: string;
}

export const BOARD_IDLE: BoardFormState = { status: "idle" };
