// Optional: reloads the Tender Cepat reverse-auction page every 30 s while the auction runs, unless the bidder is
// typing a price. The page works the same without it (a form and a "Muat ulang" link).
(() => {
  const state = document.getElementById('auction-state');
  if (state?.dataset.state !== 'open') return;
  setInterval(() => {
    const field = document.getElementById('harga');
    if (field && (field === document.activeElement || field.value)) return;
    window.location.reload();
  }, 30_000);
})();
