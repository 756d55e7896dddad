// A fixed palette that passes contrast on white, each line also told apart by its dash and point
// shape, so a chart reads in black and white and for colour-blind readers (chart.js's point style names).
export const chartStyles = [
	{ color: 'hsl(214, 100%, 24%)', dash: [], point: 'circle' },
	{ color: 'hsl(23, 90%, 32%)', dash: [8, 4], point: 'triangle' },
	{ color: 'hsl(0, 0%, 13%)', dash: [2, 3], point: 'rectRot' },
	{ color: 'hsl(165, 90%, 22%)', dash: [12, 3, 2, 3], point: 'rect' },
	{ color: 'hsl(284, 36%, 40%)', dash: [14, 6], point: 'star' },
	{ color: 'hsl(202, 7%, 40%)', dash: [4, 2, 4, 8], point: 'crossRot' }
] as const;

export interface Series {
	label: string;
	values: (number | null)[];
}

/** What a line chart shows: a value per label (a round) for each series, on a fixed scale. */
export interface LineChartProps {
	title: string;
	labels: string[];
	series: Series[];
	min: number;
	max: number;
	step?: number;
	format?: (v: number) => string;
}
