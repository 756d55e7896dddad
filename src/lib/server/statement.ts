import type { Database, Statement } from 'better-sqlite3';
import { db } from './db.ts';

/** A statement prepared once per connection (tests open fresh connections), not on every call. */
export function statement(sql: string): () => Statement {
	const cache = new WeakMap<Database, Statement>();
	return () => {
		const connection = db();
		let prepared = cache.get(connection);
		if (!prepared) cache.set(connection, (prepared = connection.prepare(sql)));
		return prepared;
	};
}
