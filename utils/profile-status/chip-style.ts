/**
 * The chip's styles, inside its shadow root: light and dark like the dashboard (theme.css), a
 * coloured dot per status family, and a focus ring the keyboard can see on any page.
 */
export const CHIP_CSS = `
:host { all: initial; }
button {
  all: initial;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 8px;
  max-width: min(420px, calc(100vw - 32px));
  padding: 8px 14px;
  border-radius: 999px;
  border: 1px solid #d0d7de;
  background: #ffffff;
  color: #1f2328;
  font: 500 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.18);
  cursor: pointer;
  overflow-wrap: anywhere;
}
button::before {
  content: "";
  flex: none;
  width: 10px;
  height: 10px;
  border-radius: 50%;
  background: #6e7781;
}
button[data-tone="approved"]::before { background: #1a7f37; }
button[data-tone="pending"]::before { background: #9a6700; }
button:hover { border-color: #0969da; }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  button { background: #161b22; color: #e6edf3; border-color: #30363d; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.5); }
  button::before { background: #8b949e; }
  button[data-tone="approved"]::before { background: #3fb950; }
  button[data-tone="pending"]::before { background: #d29922; }
  button:hover { border-color: #58a6ff; }
  button:focus-visible { outline-color: #58a6ff; }
}
`;
