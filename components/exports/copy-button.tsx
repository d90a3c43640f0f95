"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/styles";

/** Copies the summary text; says so in words (and to screen readers) when done. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        className={buttonClass("secondary")}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied("done"),
            () => setCopied("failed"),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {copied === "done" ? "Kopiert." : copied === "failed" ? "Kopieren nicht möglich: bitte den Text markieren und kopieren." : ""}
      </span>
    </div>
  );
}
