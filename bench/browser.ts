/**
 * A page's performance in a browser, as a respondent on a mid-range phone would see it: Chromium
 * (Debian's, through Playwright) with DevTools' "Slow 4G" network (562.5 ms round trip, 1.44 Mbit/s
 * down, 675 kbit/s up) and the CPU slowed down 4×, through the DevTools protocol. Each run is a
 * fresh browser context (a first visit: nothing cached). Measured in the page:
 *  - LCP: the last largest-contentful-paint entry before any input;
 *  - TBT: the sum of each long task's time beyond 50 ms, from first contentful paint until the
 *    page has been quiet for 2 s after load (Lighthouse counts until time-to-interactive; a quiet
 *    spell after load is the simple stand-in).
 */
import { chromium } from '@playwright/test';

export interface BrowserTiming {
	name: string;
	lcp: number;
	tbt: number;
	runs: { lcp: number; tbt: number }[];
}

const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 };

const OBSERVE = `
	window.__perf = { lcp: 0, long: [] };
	new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
	new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function browserTimings(
	origin: string,
	pages: { name: string; path: string; cookie?: string }[],
	runs = 3
): Promise<BrowserTiming[]> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	const results: BrowserTiming[] = [];
	try {
		for (const p of pages) {
			const measured: { lcp: number; tbt: number }[] = [];
			for (let i = 0; i < runs; i++) {
				const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
				if (p.cookie) {
					const [name, value] = p.cookie.split('=');
					await context.addCookies([{ name, value, url: origin }]);
				}
				const page = await context.newPage();
				await page.addInitScript(OBSERVE);
				const cdp = await context.newCDPSession(page);
				await cdp.send('Network.enable');
				await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
				const response = await page.goto(origin + p.path, { waitUntil: 'load', timeout: 120_000 });
				if (!response || response.status() !== 200) throw new Error(`${p.path}: ${response?.status()}`);
				// Quiet for 2 s: no long task started in that time.
				for (let last = -1; ; ) {
					await page.waitForTimeout(2000);
					const n = await page.evaluate(() => (window as unknown as { __perf: { long: unknown[] } }).__perf.long.length);
					if (n === last) break;
					last = n;
				}
				const got = await page.evaluate(() => {
					const perf = (window as unknown as { __perf: { lcp: number; long: [number, number][] } }).__perf;
					const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
					const tbt = perf.long.filter(([start]) => start >= fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
					return { lcp: perf.lcp, tbt };
				});
				measured.push(got);
				await context.close();
			}
			results.push({ name: p.name, lcp: median(measured.map((m) => m.lcp)), tbt: median(measured.map((m) => m.tbt)), runs: measured });
		}
	} finally {
		await browser.close();
	}
	return results;
}
