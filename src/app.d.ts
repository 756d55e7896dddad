import type { User } from '$lib/server/users';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Shown to the user and written to the server log, so support can find the failure. */
			errorId?: string;
		}
		interface Locals {
			user: User | null;
			sessionToken: string | null;
		}
	}
}

export {};
