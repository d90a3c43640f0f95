"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * On a phone the navigation and the account links fold behind "Menü", so the page's answer is
 * on the first screen; from md on they are always shown. Without JavaScript the <noscript>
 * style keeps them visible.
 */
export function HeaderMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // A followed link closes the menu.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button
        type="button"
        className="rounded-md border border-white/70 px-3 py-1.5 font-medium md:hidden"
        aria-expanded={open}
        aria-controls="kopfmenue"
        onClick={() => setOpen((value) => !value)}
      >
        Menü
      </button>
      <noscript>
        <style>{"#kopfmenue{display:flex}"}</style>
      </noscript>
      <div
        id="kopfmenue"
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:justify-end`}
      >
        {children}
      </div>
    </>
  );
}
