// Progressive enhancement only: every page works without this file.
// A multipart form carries its CSRF token in the action's query string (its body is read after the check). When such a
// form comes back with an error, the address bar shows `?_csrf=…`; take it out of the visible URL and the history.
(() => {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('_csrf')) return;
  url.searchParams.delete('_csrf');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
})();
