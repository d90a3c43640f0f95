// A field people never see, hear (aria-hidden) or reach by keyboard (tabindex -1); positioned by
// clipping, not far off-screen, which would widen right-to-left pages; simple bots fill in every field. The server
// answers as if all went well and stores nothing when it is filled in.
export function Honeypot({ label }: { label: string }) {
  return (
    <div aria-hidden="true" className="sr-only">
      <label htmlFor="website">{label}</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
