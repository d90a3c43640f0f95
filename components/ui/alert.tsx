import type { ReactNode } from "react";

const TONES = {
  error: "border-red-700 bg-red-50 text-red-900",
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand-600 bg-brand-50 text-brand-800",
  warning: "border-amber-600 bg-amber-50 text-amber-900",
} as const;

export function Alert({ tone, children, title }: { tone: keyof typeof TONES; children: ReactNode; title?: string }) {
  // Errors interrupt (role=alert); other messages are announced politely.
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border-s-4 px-4 py-3 ${TONES[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
