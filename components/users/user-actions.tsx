"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/forms";
import { resetUserAccessAction, setUserActiveAction } from "@/lib/users/actions";
import { Handover } from "./handover";

export function UserActions({ userId, userName, active, isSelf }: { userId: string; userName: string; active: boolean; isSelf: boolean }) {
  const [activeState, toggle] = useActionState(setUserActiveAction, IDLE);
  const [resetState, reset] = useActionState(resetUserAccessAction, IDLE);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {!isSelf && (
          <form action={toggle}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={active ? "false" : "true"} />
            <SubmitButton
              variant={active ? "danger" : "secondary"}
              className="px-3 py-1 text-sm"
              aria-label={`${userName} ${active ? "deaktivieren" : "aktivieren"}`}
            >
              {active ? "Deaktivieren" : "Aktivieren"}
            </SubmitButton>
          </form>
        )}
        {active && (
          <>
            <form action={reset}>
              <input type="hidden" name="userId" value={userId} />
              <input type="hidden" name="method" value="password" />
              <SubmitButton variant="secondary" className="px-3 py-1 text-sm" aria-label={`Einmalpasswort für ${userName} setzen`}>
                Einmalpasswort
              </SubmitButton>
            </form>
            <form action={reset}>
              <input type="hidden" name="userId" value={userId} />
              <input type="hidden" name="method" value="invite" />
              <SubmitButton variant="secondary" className="px-3 py-1 text-sm" aria-label={`Neuen Einladungslink für ${userName} senden`}>
                Einladungslink
              </SubmitButton>
            </form>
          </>
        )}
      </div>
      {activeState.status === "error" && <Alert tone="error">{activeState.message}</Alert>}
      {resetState.status === "error" && <Alert tone="error">{resetState.message}</Alert>}
      {resetState.status === "success" && <Handover result={resetState.result} />}
    </div>
  );
}
