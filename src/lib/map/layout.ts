/**
 * Where everything of a partnership map is drawn: a pure, deterministic function of the actors.
 * The method is explained, with a worked example, in docs/partnership-map.md.
 *
 * In short: rings around the centre stand for the relation (innermost = closest), wedges for
 * the sectors (each wedge as wide as its share of the actors), and every actor is a dot in its
 * sector's wedge on its relation's ring. Names are never written next to the dots, where they
 * would collide; they stand in two columns left and right of the circle, each joined to its dot
 * by a thin line. A column keeps one line of height per name, so no two names can overlap,
 * whatever their number. Sector names stand in the same columns, next to their wedges.
 */

/** Sizes in SVG user units (px at 100 %). */
export const FONT = 12;
/** Height of one line in a label column: more than a name's box (1.2 × FONT), so boxes keep apart. */
export const LINE = 18;
/** A conservative width of one character of the label font. */
export const CHAR_WIDTH = 0.62 * FONT;
/** Names longer than this are shortened with an ellipsis (the data table has them whole). */
export const MAX_CHARS = 32;
export const CENTRE_RADIUS = 64;
export const RING_WIDTH = 34;
/** Room between the circle and a label column, for the stair mark. */
export const GUTTER = 40;
export const MARK_WIDTH = 24;
export const MARGIN = 16;
export const DOT_RADIUS = 4.5;

export interface LayoutActor {
	id: number;
	name: string;
	/** Index into the sector order. */
	sector: number;
	/** Index into the ring order, 0 = innermost. */
	ring: number;
	/** A step of the stairs 1–6 to mark beside the name, or null. */
	step: number | null;
}

export interface LayoutInput {
	centre: string;
	/** Sector names in drawing order (clockwise from the top). */
	sectors: readonly string[];
	rings: number;
	actors: readonly LayoutActor[];
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PlacedLabel {
	text: string;
	/** Where the text is anchored: its vertical middle, at its start (right column) or end (left column). */
	x: number;
	y: number;
	anchor: 'start' | 'end';
	box: Box;
	/** The leader line from the dot (or the rim) to the label. */
	from: { x: number; y: number };
	to: { x: number; y: number };
}

export interface PlacedActor extends LayoutActor {
	dot: { x: number; y: number };
	label: PlacedLabel;
	/** Where the stair mark starts (its lower left corner), if the actor has a step. */
	mark: { x: number; y: number } | null;
}

export interface PlacedSector {
	sector: number;
	name: string;
	/** Angles in radians, clockwise from the top. */
	start: number;
	end: number;
	label: PlacedLabel;
}

export interface MapLayout {
	width: number;
	height: number;
	cx: number;
	cy: number;
	/** Outer radius of each ring, innermost first; the centre disc is CENTRE_RADIUS. */
	ringRadii: number[];
	sectors: PlacedSector[];
	actors: PlacedActor[];
	centre: { lines: string[]; box: Box };
}

export function shorten(text: string, max = MAX_CHARS): string {
	const chars = [...text.trim()];
	return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

const textWidth = (text: string, font = FONT) => [...text].length * 0.62 * font;

/** The centre text in at most three lines that fit the centre disc. */
function centreLines(text: string): string[] {
	const perLine = 16;
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/)) {
		if (line && [...line].length + 1 + [...word].length > perLine) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	if (lines.length > 3) return [...lines.slice(0, 2), shorten(lines.slice(2).join(' '), perLine)];
	return lines.map((l) => shorten(l, perLine));
}

/** A point on a circle; angles are clockwise from the top. */
const polar = (cx: number, cy: number, r: number, angle: number) => ({ x: cx + r * Math.sin(angle), y: cy - r * Math.cos(angle) });

/**
 * Spreads one column's labels so that each keeps a full line: first downwards from the top
 * (no label above its wish unless pushed), then upwards from the bottom if the column overflowed.
 * The canvas is tall enough for every label, so the result stays between `top` and `bottom`.
 */
export function spreadColumn(desired: readonly number[], top: number, bottom: number): number[] {
	const ys = desired.map((y) => Math.min(bottom, Math.max(top, y)));
	for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i], ys[i - 1] + LINE);
	for (let i = ys.length - 1; i >= 0; i--) ys[i] = Math.min(ys[i], i === ys.length - 1 ? bottom : ys[i + 1] - LINE);
	return ys;
}

export function layoutMap(input: LayoutInput): MapLayout {
	const rings = Math.max(1, input.rings);
	const outer = CENTRE_RADIUS + RING_WIDTH * rings;
	const ringRadii = Array.from({ length: rings }, (_, k) => CENTRE_RADIUS + RING_WIDTH * (k + 1));

	// A fixed order: sector, ring, name, id. The caller's order never changes the drawing.
	const actors = [...input.actors].sort(
		(a, b) => a.sector - b.sector || a.ring - b.ring || a.name.localeCompare(b.name, 'fi') || a.id - b.id
	);
	const n = actors.length;
	const present = input.sectors.map((_, s) => actors.filter((a) => a.sector === s).length);

	// Wedges: each sector with actors gets a share of the circle as large as its share of the actors.
	const wedges: { sector: number; start: number; end: number }[] = [];
	let angle = 0;
	for (const [s, count] of present.entries()) {
		if (count === 0) continue;
		const span = (2 * Math.PI * count) / n;
		wedges.push({ sector: s, start: angle, end: angle + span });
		angle += span;
	}

	// Dots, before the canvas size is known: relative to the centre.
	const dots = new Map<number, { x: number; y: number; angle: number }>();
	for (const wedge of wedges) {
		for (let ring = 0; ring < rings; ring++) {
			const onRing = actors.filter((a) => a.sector === wedge.sector && a.ring === ring);
			const r = CENTRE_RADIUS + RING_WIDTH * (ring + 0.5);
			onRing.forEach((a, j) => {
				const at = wedge.start + ((wedge.end - wedge.start) * (j + 0.5)) / onRing.length;
				dots.set(a.id, { ...polar(0, 0, r, at), angle: at });
			});
		}
	}

	// Which column each label goes to: the side of the circle its dot (or its wedge's middle) is on.
	type Item = { kind: 'actor'; actor: LayoutActor; text: string; y0: number } | { kind: 'sector'; index: number; text: string; y0: number };
	const columns: Record<'left' | 'right', Item[]> = { left: [], right: [] };
	const sideOf = (a: number) => (Math.sin(a) >= -1e-9 ? 'right' : 'left');
	for (const a of actors) {
		const dot = dots.get(a.id)!;
		columns[sideOf(dot.angle)].push({ kind: 'actor', actor: a, text: shorten(a.name), y0: dot.y });
	}
	for (const [i, w] of wedges.entries()) {
		const mid = (w.start + w.end) / 2;
		columns[sideOf(mid)].push({ kind: 'sector', index: i, text: shorten(input.sectors[w.sector].toLocaleUpperCase('fi'), 24), y0: polar(0, 0, outer, mid).y });
	}
	for (const items of Object.values(columns))
		items.sort((a, b) => a.y0 - b.y0 || (a.kind === b.kind ? 0 : a.kind === 'sector' ? -1 : 1) || a.text.localeCompare(b.text, 'fi'));

	const labelRoom = (items: Item[]) => Math.max(0, ...items.map((i) => textWidth(i.text))) + MARK_WIDTH;
	const leftRoom = Math.max(labelRoom(columns.left), 60);
	const rightRoom = Math.max(labelRoom(columns.right), 60);
	const tallest = Math.max(columns.left.length, columns.right.length);
	const height = Math.ceil(Math.max(2 * outer + 2 * MARGIN + LINE, tallest * LINE + 2 * MARGIN));
	const cx = MARGIN + leftRoom + GUTTER + outer;
	const cy = height / 2;
	const width = Math.ceil(cx + outer + GUTTER + rightRoom + MARGIN);
	const top = MARGIN + LINE / 2;
	const bottom = height - MARGIN - LINE / 2;

	const placedActors: PlacedActor[] = [];
	const placedSectors: PlacedSector[] = [];
	for (const side of ['left', 'right'] as const) {
		const items = columns[side];
		const ys = spreadColumn(
			items.map((i) => cy + i.y0),
			top,
			bottom
		);
		const edge = side === 'right' ? cx + outer + GUTTER : cx - outer - GUTTER;
		items.forEach((item, k) => {
			const y = ys[k];
			const w = textWidth(item.text);
			const x = side === 'right' ? edge + MARK_WIDTH : edge - MARK_WIDTH;
			const box: Box = { x: side === 'right' ? x : x - w, y: y - 0.6 * FONT, width: w, height: 1.2 * FONT };
			const to = { x: edge, y };
			if (item.kind === 'actor') {
				const d = dots.get(item.actor.id)!;
				const dot = { x: cx + d.x, y: cy + d.y };
				placedActors.push({
					...item.actor,
					dot,
					label: { text: item.text, x, y, anchor: side === 'right' ? 'start' : 'end', box, from: dot, to },
					mark: item.actor.step === null ? null : { x: side === 'right' ? edge + 2 : edge - MARK_WIDTH + 2, y: y + 6 }
				});
			} else {
				const w2 = wedges[item.index];
				const rim = polar(cx, cy, outer, (w2.start + w2.end) / 2);
				placedSectors.push({
					sector: w2.sector,
					name: input.sectors[w2.sector],
					start: w2.start,
					end: w2.end,
					label: { text: item.text, x, y, anchor: side === 'right' ? 'start' : 'end', box, from: rim, to }
				});
			}
		});
	}
	placedActors.sort((a, b) => a.id - b.id);
	placedSectors.sort((a, b) => a.start - b.start);

	const lines = centreLines(input.centre);
	const centreWidth = Math.max(0, ...lines.map((l) => textWidth(l, 11)));
	return {
		width,
		height,
		cx,
		cy,
		ringRadii,
		sectors: placedSectors,
		actors: placedActors,
		centre: { lines, box: { x: cx - centreWidth / 2, y: cy - (lines.length * 13) / 2, width: centreWidth, height: lines.length * 13 } }
	};
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
