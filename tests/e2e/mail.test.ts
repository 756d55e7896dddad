import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { SMTPServer } from 'smtp-server';
import { freePort, freshDatabase, removeDatabase, startServer, type SeparateServer } from './separate-server';

interface Mail {
	to: string[];
	raw: string;
}

/** The text of a plain-text message: headers dropped, quoted-printable decoded. */
function body(raw: string): string {
	const text = raw.slice(raw.indexOf('\r\n\r\n') + 4);
	const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

const subject = (raw: string) => /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
const linkIn = (mail: Mail) => new URL(/(http:\/\/\S+\/welcome\/[A-Za-z0-9_-]{43})/.exec(body(mail.raw))![1]).pathname;

let smtp: SMTPServer;
let smtpPort = 0;
const inbox: Mail[] = [];
let server: SeparateServer;
let databasePath = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
				callback();
			});
		}
	});
	smtpPort = await freePort();
	await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
	databasePath = freshDatabase('mail');
	server = await startServer(databasePath, undefined, {
		SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
		MAIL_FROM: 'Portaat <portaat@example.fi>',
		ADDRESS_HEADER: 'X-Test-Client-Address'
	});
});

test.afterAll(async () => {
	await server?.stop('SIGTERM');
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
	removeDatabase(databasePath);
});

/** Waits until a message to this address has arrived (the app sends after answering). */
async function mailTo(address: string, count = 1): Promise<Mail> {
	await expect.poll(() => inbox.filter((m) => m.to.includes(address)).length).toBeGreaterThanOrEqual(count);
	return inbox.filter((m) => m.to.includes(address))[count - 1];
}

async function choosePassword(page: Page, path: string, password: string) {
	await page.goto(server.origin + path);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel(/^Uusi salasana$/).fill(password);
	await page.getByLabel('Uusi salasana uudelleen').fill(password);
	await page.getByRole('button', { name: 'Tallenna salasana ja kirjaudu' }).click();
	await expect(page).toHaveURL(/\/projects$/);
}

test('with SMTP_URL an invitation goes by e-mail, and its link sets the password', async ({ page, browser }) => {
	const out = execFileSync('npx', ['tsx', 'scripts/portaat.ts', 'create-admin', '--email', 'maija.mail@example.fi', '--name', 'Maija'], {
		env: { ...process.env, DATABASE_PATH: databasePath, ORIGIN: server.origin },
		encoding: 'utf8'
	});
	await choosePassword(page, /(\/welcome\/[A-Za-z0-9_-]{43})/.exec(out)![1], 'postia tulee perille asti');

	await page.goto(`${server.origin}/admin`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('Nimi').fill('Veikko Vastaanottaja');
	await page.getByLabel('Sähköposti').fill('veikko@example.fi');
	await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
	await expect(page.getByRole('status')).toContainText('lähetetty sähköpostilla osoitteeseen veikko@example.fi');
	// The link goes to Veikko, not on the administrator's screen.
	await expect(page.locator('#new-link')).toHaveCount(0);

	const mail = await mailTo('veikko@example.fi');
	expect(subject(mail.raw)).toContain('Kutsu Portaat');
	expect(mail.raw).toMatch(/^From: Portaat <portaat@example\.fi>$/m);
	expect(body(mail.raw)).toContain('Hei Veikko Vastaanottaja');
	const veikko = await (await browser.newContext()).newPage();
	await choosePassword(veikko, linkIn(mail), 'vastaanotettu ja avattu');
});

test('a signed-out staff member asks for a reset link: the same answer for any address, a mail only to a user, rate limited', async ({ page }) => {
	const ask = async (email: string, address = '192.0.2.1') => {
		await page.setExtraHTTPHeaders({ 'x-test-client-address': address });
		await page.goto(`${server.origin}/login`);
		await page.getByRole('link', { name: 'Unohditko salasanasi?' }).click();
		await expect(page).toHaveURL(/\/login\/reset$/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByLabel('Sähköposti').fill(email);
		await page.getByRole('button', { name: 'Lähetä linkki' }).click();
		return page.getByRole('status').textContent();
	};
	const before = inbox.length;
	const known = await ask('veikko@example.fi');
	const unknown = await ask('ei.ketaan@example.fi');
	expect(unknown!.replace('ei.ketaan@example.fi', 'X')).toBe(known!.replace('veikko@example.fi', 'X'));

	const mail = await mailTo('veikko@example.fi', 2);
	expect(subject(mail.raw)).toContain('Uusi salasana');
	expect(inbox.slice(before).every((m) => !m.to.includes('ei.ketaan@example.fi'))).toBe(true);
	const other = await (await page.context().browser()!.newContext()).newPage();
	await choosePassword(other, linkIn(mail), 'uusi salasana sähköpostista');

	// Five requests from one address in a quarter hour, then it waits; another address still may ask.
	for (let i = 0; i < 3; i++) await ask(`joku${i}@example.fi`);
	await page.setExtraHTTPHeaders({ 'x-test-client-address': '192.0.2.1' });
	await page.goto(`${server.origin}/login/reset`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('Sähköposti').fill('veikko@example.fi');
	await page.getByRole('button', { name: 'Lähetä linkki' }).click();
	await expect(page.getByRole('alert')).toContainText('Liian monta yritystä');
	expect(await ask('veikko@example.fi', '192.0.2.2')).toContain('veikko@example.fi');
});

test('without SMTP_URL the reset page tells to ask the administrator', async ({ page }) => {
	await page.goto('/login/reset');
	await expect(page.getByText('Pyydä ylläpitäjältä uusi salasanalinkki')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lähetä linkki' })).toHaveCount(0);
});
