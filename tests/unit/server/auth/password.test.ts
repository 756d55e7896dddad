import { describe, expect, it } from 'vitest';
import { weakPassword } from '../../../../src/lib/server/auth/password';

describe('weakPassword', () => {
	it('refuses the most common passwords, whatever their case', () => {
		for (const p of ['qwerty123456', '123qweasdzxc', 'QWERTY123456', '1q2w3e4r5t6y']) expect(weakPassword(p, 'someone@example.fi'), p).toBe('error_password_common');
	});

	it("refuses a password that contains the e-mail address's name", () => {
		const email = 'matti.virtanen@joutsa.fi';
		for (const p of ['mattivirtanen2026', 'Matti.Virtanen!!!x', 'oma virtanen salasana', 'MATTI on paras kaveri']) expect(weakPassword(p, email), p).toBe('error_password_email');
	});

	it('lets a passphrase through', () => {
		expect(weakPassword('kumppanuus on prosessi 2026', 'matti.virtanen@joutsa.fi')).toBeUndefined();
		// Short name parts (under four letters) are not checked alone: "jo" is in many words.
		expect(weakPassword('jokainen kevät tuo uutta', 'jo.ek@example.fi')).toBeUndefined();
	});
});
