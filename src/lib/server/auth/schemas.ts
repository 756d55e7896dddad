import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.ts';

export const email = z.string().trim().min(1, 'error_required').max(254, 'error_too_long').email('error_email');
export const name = z.string().trim().min(1, 'error_required').max(120, 'error_too_long');
export const newPassword = z.string().min(PASSWORD_MIN, 'error_password_short').max(PASSWORD_MAX, 'error_password_long');

/** A new password typed twice. */
export const newPasswordPair = z
	.object({ password: newPassword, password_again: z.string() })
	.refine((v) => v.password === v.password_again, { message: 'error_password_mismatch', path: ['password_again'] });
