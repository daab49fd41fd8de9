/** Shown when the page has no `window.careWindow`: the app was opened outside its own window. */
export function MissingBridge() {
  return (
    <div className="fatal" role="alert">
      <h1>CareWindow cannot reach its data</h1>
      <p>
        This window is not connected to the CareWindow app, so it cannot show your contacts or send messages.
        Close it and start CareWindow again; if this keeps happening, reinstall the app.
      </p>
    </div>
  );
}
