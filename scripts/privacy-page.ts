import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { marked } from 'marked';

/**
 * The privacy policy as a page inside the extension (privacy.html), rendered at build time
 * from PRIVACY.md, so the store listing, the repository and the extension say the same words.
 * Static HTML: no script, nothing fetched.
 */
export function privacyPageHtml(root: string): string {
  const body = marked.parse(readFileSync(resolve(root, 'PRIVACY.md'), 'utf8'), { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Collab Desk privacy policy</title>
<style>
:root { color-scheme: light dark; --text: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --link: #0a58ca; }
@media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --muted: #9da7b3; --line: #3d444d; --bg: #0d1117; --link: #79b8ff; } }
body { font: 16px/1.55 system-ui, sans-serif; color: var(--text); background: var(--bg); margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
a { color: var(--link); }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.5rem; vertical-align: top; text-align: left; }
code { font-size: 0.9em; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
