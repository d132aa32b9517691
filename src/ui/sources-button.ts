/**
 * The "Sources, method & data" button: opens and closes the sources panel (src/ui/sources.ts, loaded
 * on first use) through the store, so the one render draws it, moving the focus into the panel once
 * it is drawn and back to the button when it closes. Returns what closes it (Escape, its ×).
 */
export function mountSourcesButton(
  button: HTMLElement,
  panel: HTMLElement,
  store: { session(): { methodologyOpen: boolean }; dispatch(action: { type: "methodology"; open: boolean }): void },
  /** Resolves once the panel's code is in (and so the panel drawn). */
  drawn: () => Promise<unknown>,
): () => void {
  const close = () => {
    store.dispatch({ type: "methodology", open: false });
    button.focus();
  };
  button.addEventListener("click", () => {
    store.dispatch({ type: "methodology", open: !store.session().methodologyOpen });
    if (!store.session().methodologyOpen) return;
    drawn().then(
      () => {
        if (store.session().methodologyOpen) panel.querySelector<HTMLElement>(".methodology-close")?.focus();
      },
      () => undefined, // the panel says it could not load, and offers to try again
    );
  });
  return close;
}
