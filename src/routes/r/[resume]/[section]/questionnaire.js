// @ts-check
// The questionnaire page is server HTML that hydrates nothing (csr = false): some 170 inputs in
// Svelte components made one long hydration task on a slow phone. This small script adds what
// JavaScript adds to the plain form: the "answered n/N" count follows the answers, and answers
// are saved as they are given. The page's texts come in data attributes, in the page's language.
/** @param {HTMLFormElement} form */
function enhance(form) {
	const status = /** @type {HTMLElement} */ (form.querySelector('[data-saving]'));
	const counter = /** @type {HTMLElement | null} */ (document.querySelector('[data-answered-of]'));
	const lang = document.documentElement.lang;
	const timeLocale = lang === 'en' ? 'en-GB' : `${lang}-FI`;

	function count() {
		if (!counter) return;
		// A radio once ticked stays ticked, so the count only grows; "I can't say" is an answer too.
		const answered = form.querySelectorAll('[data-scored] input[type="radio"]:checked').length;
		const total = Number(counter.dataset.total);
		counter.textContent = String(counter.dataset.answeredOf).replace('{answered}', String(answered)).replace('{total}', String(total));
		counter.closest('li')?.classList.toggle('done', total > 0 && answered === total);
	}

	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let timer;
	// Changes so far: a save's "saved" stands only if no answer came after what it carried.
	let changes = 0;
	// One save at a time: two on their way could reach the server in either order, and the older
	// answers would be stored last. A change during a save is saved right after it.
	let saving = false;
	let again = false;
	async function save() {
		if (saving) {
			again = true;
			return;
		}
		saving = true;
		const carried = changes;
		const body = new FormData(form);
		body.set('nav', 'autosave');
		try {
			const response = await fetch(form.action, { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
			const result = await response.json();
			if (result.type === 'success') {
				if (carried === changes) {
					const time = new Date().toLocaleTimeString(timeLocale, { hour: '2-digit', minute: '2-digit' });
					status.textContent = String(status.dataset.saved).replace('{time}', time);
				}
			} else if (result.type === 'redirect') window.location.assign(result.location);
			else if (result.type === 'failure') {
				// Refused answers or a closed round: post the page the plain way, so the server shows why.
				const nav = Object.assign(document.createElement('input'), { type: 'hidden', name: 'nav', value: 'autosave' });
				form.append(nav);
				form.submit();
				return;
			} else status.textContent = status.dataset.failed ?? '';
		} catch {
			status.textContent = status.dataset.failed ?? '';
		} finally {
			saving = false;
		}
		if (again) {
			again = false;
			void save();
		}
	}

	function changed() {
		changes++;
		count();
		if (!form.hasAttribute('data-autosave')) return;
		// "Saved at 10.42" must not stand while a newer answer waits for its save.
		status.textContent = status.dataset.saving ?? '';
		clearTimeout(timer);
		timer = setTimeout(save, 400);
	}

	form.addEventListener('change', changed);
	// A button press posts the whole page: no autosave after it.
	form.addEventListener('submit', () => clearTimeout(timer));

	// On a slow line answers may be given before this script arrives: count them, and save them
	// if they differ from what the server sent.
	const early = Array.from(form.elements).some(
		(e) =>
			(e instanceof HTMLInputElement && (e.type === 'radio' || e.type === 'checkbox') ? e.checked !== e.defaultChecked : false) ||
			((e instanceof HTMLInputElement && e.type === 'text') || e instanceof HTMLTextAreaElement ? e.value !== e.defaultValue : false)
	);
	if (early) changed();
	else count();
}

const questionnaire = document.getElementById('questionnaire');
if (questionnaire instanceof HTMLFormElement) enhance(questionnaire);
// Tests (and anyone) may type from here on: nothing will redraw the form.
document.documentElement.setAttribute('data-hydrated', '');
