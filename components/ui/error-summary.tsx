"use client";
import type { Ref } from "react";

export interface SummaryItem {
  /** The id of the field to focus. */
  target: string;
  message: string;
}

/**
 * The GOV.UK error summary: at the top of the form, one link per problem, each taking the user
 * to the field. It receives focus when it appears, so screen readers read it first.
 */
export function ErrorSummary({
  items,
  title = "Bitte korrigieren Sie folgende Angaben",
  ref,
}: {
  items: SummaryItem[];
  title?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="rounded-md border-4 border-red-700 bg-white px-4 py-3 outline-none focus:ring-4 focus:ring-amber-400"
    >
      <h2 id="error-summary-title" className="text-lg font-semibold text-red-900">
        {title}
      </h2>
      <ul className="mt-2 flex list-disc flex-col gap-1 ps-5">
        {items.map((item) => (
          <li key={`${item.target}:${item.message}`}>
            <a
              href={`#${item.target}`}
              className="font-medium text-red-800 underline"
              onClick={(event) => {
                // An anchor scrolls but does not focus an input; the user should be able to type at once.
                const field = document.getElementById(item.target);
                if (!field) return;
                event.preventDefault();
                field.scrollIntoView({ block: "center" });
                field.focus({ preventScroll: true });
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
