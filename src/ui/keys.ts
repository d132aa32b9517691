/**
 * The page's keyboard: the shortcuts of src/model/shortcuts.ts anywhere but in a field, and Escape,
 * which closes the innermost open thing (help, the sources panel, the country panel).
 */
import { type ShortcutCommand, shortcutFor } from "../model/shortcuts.ts";

export function watchKeys(run: (command: ShortcutCommand) => void, onEscape: () => void): void {
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    const typing = Boolean(target?.closest("input, select, textarea, [contenteditable]"));
    const command = shortcutFor(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey }, typing);
    if (command) {
      event.preventDefault();
      run(command);
      return;
    }
    if (event.key === "Escape") onEscape();
  });
}
