// @ts-check
// The print button of the pages that are server HTML only (csr = false: a pair's results, a theme's
// or an area's summary), which need no framework for it. Without JavaScript the button stays hidden
// and the browser's own print works the same. Hydrated pages use PrintButton.svelte instead.
for (const button of document.querySelectorAll('button[data-print]')) {
	button.addEventListener('click', () => window.print());
	button.closest('[hidden]')?.removeAttribute('hidden');
}
// Tests (and anyone) may act from here on: nothing will redraw the page.
document.documentElement.setAttribute('data-hydrated', '');
