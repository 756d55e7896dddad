import { prepared } from './db.ts';

export interface Actor {
	id: number;
	email: string;
}

/** Records a staff action that changed or deleted data. Kept when the object is erased. */
export function audit(
	actor: Actor,
	action: string,
	object: { type: string; id?: number | null; projectId?: number | null },
	detail: Record<string, unknown> = {}
): void {
	prepared(
			'INSERT INTO audit_log (user_id, user_email, action, object_type, object_id, project_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)'
		)
		.run(actor.id, actor.email, action, object.type, object.id ?? null, object.projectId ?? null, JSON.stringify(detail));
}

export interface AuditEntry {
	id: number;
	at: string;
	userEmail: string;
	action: string;
	objectType: string;
	objectId: number | null;
	projectId: number | null;
	detail: string;
}

export function listAudit(limit = 200, before?: number): AuditEntry[] {
	return prepared(
			`SELECT id, at, user_email AS userEmail, action, object_type AS objectType, object_id AS objectId,
			        project_id AS projectId, detail
			 FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?`
		)
		.all(before ?? Number.MAX_SAFE_INTEGER, limit) as AuditEntry[];
}
