/**
 * Wraps user text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text <bdi>: for
 * places where no element can go, such as the page title. A right-to-left override inside the
 * text then cannot reverse what stands around it.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}
