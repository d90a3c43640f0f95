import "server-only";
import { type Actor, can } from "../auth/actor";
import { loadNeighbourLinks } from "../neighbours/service";
import { balancingInputOf, proposeBalancing, type BalancingProposal } from "./balancing";
import type { CountyEvaluation } from "./evaluation";
import { loadCountyEvaluation } from "./queries";

// What /lage/ausgleich shows: the proposal for the actor's county at a Stand, computed from the
// same evaluation /lage shows (its shortfall per municipality), with the recorded neighbours.

export interface BalancingView {
  evaluation: CountyEvaluation;
  proposal: BalancingProposal;
  /** Whether any neighbour relation is recorded (else the page says so). */
  hasNeighbours: boolean;
}

export async function loadBalancing(actor: Actor, asOf: string): Promise<BalancingView | null> {
  if (!can(actor, "balancing:read")) return null;
  // Both queries are limited to the actor's county.
  const [evaluation, links] = await Promise.all([loadCountyEvaluation(actor, asOf), loadNeighbourLinks(actor)]);
  if (!evaluation) return null;
  return {
    evaluation,
    proposal: proposeBalancing(evaluation.rows.map(balancingInputOf), links),
    hasNeighbours: links.length > 0,
  };
}
