// @ts-check
// The results page is server HTML (csr = false): its one interactive part, the print button, needs
// no framework. Without JavaScript the button stays hidden and the browser's own print works the same.
for (const button of document.querySelectorAll('button[data-print]')) {
	button.addEventListener('click', () => window.print());
	button.closest('[hidden]')?.removeAttribute('hidden');
}
// Tests (and anyone) may act from here on: nothing will redraw the page.
document.documentElement.setAttribute('data-hydrated', '');
