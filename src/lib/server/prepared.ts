import type { Statement } from 'better-sqlite3';
import { db, type Db } from './db.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** The statement for this SQL on the app's connection, prepared on first use and reused after (a reopened connection prepares afresh). */
export function prepared(sql: string): Statement {
	const connection = db();
	let statements = cache.get(connection);
	if (!statements) cache.set(connection, (statements = new Map()));
	let statement = statements.get(sql);
	if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
	return statement;
}
