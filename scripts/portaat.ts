/**
 * Operator commands. Run with `npm run portaat -- <command>`; they use the same
 * DATABASE_PATH as the server and may run while it runs (SQLite WAL).
 *
 *   create-admin --email E --name N   create an administrator; prints a one-time link to set the password
 *   backup FILE                       online backup of the database into FILE
 *   demo [--seed N] [--again]         create the demo project "Kehitytään kimpassa – demo" (six pairs, three
 *                                     rounds each, invented answers); refuses if it exists unless --again
 */
import { parseArgs } from 'node:util';
import { closeDb, databasePath, db } from '../src/lib/server/db.ts';
import { backupDatabase, BackupOverLiveDatabaseError } from '../src/lib/server/backup.ts';
import { createDemo, DEMO_PROJECT_NAME, findDemoProject } from '../src/lib/server/demo.ts';
import { countUsers, createPasswordLink, createUser, EmailTakenError } from '../src/lib/server/users.ts';

const [command, ...rest] = process.argv.slice(2);
const origin = (process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

async function main() {
	switch (command) {
		case 'create-admin': {
			const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' } } });
			if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) fail('Give --email with a valid e-mail address.');
			if (!values.name?.trim()) fail('Give --name, the person\'s name.');
			try {
				const id = createUser({ email: values.email, name: values.name, isAdmin: true });
				const token = createPasswordLink(id, 'invite');
				console.log(`Administrator ${values.email} created in ${databasePath()}.`);
				console.log(`Open this link within 7 days to set the password (it works once):\n\n  ${origin}/welcome/${token}\n`);
			} catch (error) {
				if (error instanceof EmailTakenError) fail(`There is already a user with the e-mail ${values.email}.`);
				throw error;
			}
			break;
		}
		case 'backup': {
			const file = rest[0];
			if (!file) fail('Give the backup file: npm run portaat -- backup backups/portaat-2026-11-25.db');
			const result = await backupDatabase(db(), file).catch((e) => {
				if (e instanceof BackupOverLiveDatabaseError) fail(e.message);
				throw e;
			});
			console.log(`Backed up ${databasePath()} to ${file}: ${result.pages} pages, integrity ${result.integrity}.`);
			break;
		}
		case 'demo': {
			const { values } = parseArgs({ args: rest, options: { seed: { type: 'string' }, again: { type: 'boolean' } } });
			const seed = values.seed === undefined ? undefined : Number(values.seed);
			if (seed !== undefined && !Number.isSafeInteger(seed)) fail('Give --seed as a whole number, e.g. --seed 7.');
			const existing = findDemoProject();
			if (existing !== undefined && !values.again)
				fail(
					`The demo project "${DEMO_PROJECT_NAME}" already exists in ${databasePath()} (project ${existing}): ` +
						`open ${origin}/projects/${existing}. Give --again to create another one.`
				);
			const demo = createDemo({ seed });
			console.log(`Demo project "${DEMO_PROJECT_NAME}" created in ${databasePath()}: project ${demo.projectId}.`);
			console.log(
				`  ${demo.pairs} pairs, ${demo.rounds} rounds, ${demo.responses} submitted responses, ${demo.drafts} drafts left unsubmitted.`
			);
			console.log(`Sign in and open ${origin}/projects/${demo.projectId}`);
			if (countUsers() === 0) console.log('No users yet: create one first with create-admin --email E --name N.');
			break;
		}
		default:
			fail('Commands: create-admin --email E --name N | backup FILE | demo [--seed N] [--again]');
	}
}

main()
	.catch((error) => fail(error instanceof Error ? error.message : String(error)))
	.finally(closeDb);
