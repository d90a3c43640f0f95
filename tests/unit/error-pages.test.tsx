import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import BoardError from "../../app/(public)/[locale]/error";
import IntranetError from "../../app/(intranet)/error";
import GlobalError from "../../app/global-error";
import ar from "../../lib/i18n/messages/ar.json";

// The error pages show a retry button and the digest, never what the error says: a server error's
// message may name tables, paths or addresses.
const SECRET = "relation user_session does not exist at /srv/app";
const serverError = Object.assign(new Error(SECRET), { digest: "4242" });
const retry = () => {};

describe("the error pages", () => {
  it.each([
    ["intranet", () => <IntranetError error={serverError} retry={retry} />],
    ["global", () => <GlobalError error={serverError} retry={retry} />],
    [
      "board",
      () => (
        <NextIntlClientProvider locale="ar" messages={ar} timeZone="Europe/Berlin">
          <BoardError error={serverError} retry={retry} />
        </NextIntlClientProvider>
      ),
    ],
  ])("%s: a message, the digest and a retry button, not the error's message", (_name, render) => {
    const html = renderToStaticMarkup(render());
    expect(html).toContain("4242");
    expect(html).toContain("<button");
    expect(html).not.toContain("user_session");
    expect(html).not.toContain("/srv/app");
  });

  it("shows no reference without a digest (an error thrown in the browser)", () => {
    const html = renderToStaticMarkup(<IntranetError error={new Error(SECRET)} retry={retry} />);
    expect(html).toContain("Etwas ist schiefgegangen");
    expect(html).not.toContain("Fehlernummer");
    expect(html).not.toContain("user_session");
  });

  it("translates the board's page", () => {
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale="ar" messages={ar} timeZone="Europe/Berlin">
        <BoardError error={serverError} retry={retry} />
      </NextIntlClientProvider>,
    );
    expect(html).toContain(ar.errors.pageErrorTitle);
    expect(html).toContain(ar.errors.retry);
    expect(html).toContain('href="/ar/angebote"');
  });
});
