// The console's HTML page: a shell the script fills in, carrying the per-process token in a meta tag.

/** The page; `token` is embedded for the script to send with every API call. */
export function consolePage(token: string): string {
  const safe = token.replace(/[^A-Za-z0-9_-]/g, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="kinesim-token" content="${safe}">
<title>kinesim console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_kinesim/console.css">
<script src="/_kinesim/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header id="top" class="top"><span class="brand">kinesim</span></header>
<main id="main" tabindex="-1"><noscript>The kinesim console needs JavaScript.</noscript></main>
<div id="status" class="toast hidden" role="status" aria-live="polite"></div>
</body>
</html>
`;
}
