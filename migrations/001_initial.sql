-- Portaat schema, version 1: the whole mission's aggregates.
-- Timestamps are ISO 8601 UTC text. Ids are integers; bearer secrets are random text.

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT NOT NULL,
	password_hash TEXT,            -- null until the invited person sets a password
	is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	disabled_at TEXT
);

-- Server-side sessions: only a hash of the cookie's random id is stored.
CREATE TABLE sessions (
	id_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	last_seen_at TEXT NOT NULL,
	expires_at TEXT NOT NULL        -- absolute expiry; idle expiry is computed from last_seen_at
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- One-time links: the first administrator's set-up, staff invitations, password resets.
CREATE TABLE user_tokens (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
	purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'invite', 'reset')),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	expires_at TEXT NOT NULL,
	used_at TEXT
) WITHOUT ROWID;

CREATE TABLE projects (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	-- The smallest number of respondents on a side before its breakdown and comments are shown.
	min_group_size INTEGER NOT NULL DEFAULT 3 CHECK (min_group_size BETWEEN 1 AND 20),
	-- Raw answers of rounds closed longer than this are erased; scores stay. Null keeps them.
	retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 30),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE memberships (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('project_worker', 'coordinator')),
	PRIMARY KEY (user_id, project_id)
) WITHOUT ROWID;
CREATE INDEX memberships_project ON memberships(project_id);

CREATE TABLE organisations (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('municipality', 'association', 'parish', 'school', 'company', 'other')),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (project_id, name)
);

-- A pair has two sides: the municipality side and the association side, each one organisation.
CREATE TABLE pairs (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	municipality_org_id INTEGER NOT NULL REFERENCES organisations(id),
	association_org_id INTEGER NOT NULL REFERENCES organisations(id),
	theme TEXT NOT NULL DEFAULT '',
	area TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK (municipality_org_id <> association_org_id)
);
CREATE INDEX pairs_project ON pairs(project_id);

CREATE TABLE rounds (
	id INTEGER PRIMARY KEY,
	pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
	number INTEGER NOT NULL CHECK (number >= 1),
	questionnaire_version TEXT NOT NULL,
	opens_at TEXT NOT NULL,
	closes_at TEXT,                 -- planned closing; the round closes itself then
	closed_at TEXT,                 -- when it was closed
	asks_role INTEGER NOT NULL DEFAULT 0 CHECK (asks_role IN (0, 1)),
	answers_erased_at TEXT,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (pair_id, number)
);

-- One live invitation link per round and side; a replaced link keeps its row, revoked.
CREATE TABLE invitations (
	id INTEGER PRIMARY KEY,
	round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
	side TEXT NOT NULL CHECK (side IN ('municipality', 'association')),
	token TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	revoked_at TEXT
);
CREATE UNIQUE INDEX invitations_live ON invitations(round_id, side) WHERE revoked_at IS NULL;

-- A respondent's response. No name, address or user agent is stored.
CREATE TABLE responses (
	id INTEGER PRIMARY KEY,
	round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
	side TEXT NOT NULL CHECK (side IN ('municipality', 'association')),
	resume_token TEXT NOT NULL UNIQUE,
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
	language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
	role TEXT,                      -- optional, only when the round asks for it
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	submitted_at TEXT,
	CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX responses_round ON responses(round_id, side, status);

-- One row per answered item; value is JSON (a number, "na", a list of option ids, or text).
CREATE TABLE answers (
	response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (response_id, item_id)
) WITHOUT ROWID;

-- A response's scores, computed once at submit time by the scoring library.
CREATE TABLE response_scores (
	response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
	scoring_version INTEGER NOT NULL,
	score TEXT NOT NULL             -- JSON ResponseScore
);

-- A round's aggregate (per side and for the pair), refreshed in the submit transaction,
-- so that result and project pages read one row per round.
CREATE TABLE round_results (
	round_id INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
	scoring_version INTEGER NOT NULL,
	municipality_n INTEGER NOT NULL DEFAULT 0,
	association_n INTEGER NOT NULL DEFAULT 0,
	pair_step INTEGER,              -- the pair's evidence step, for sorting and counting
	result TEXT NOT NULL,           -- JSON PairScore
	updated_at TEXT NOT NULL
);

-- Partnership-table meetings and the actions they agree.
CREATE TABLE meetings (
	id INTEGER PRIMARY KEY,
	pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
	round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,   -- the results it started from
	held_on TEXT NOT NULL,
	participants TEXT NOT NULL DEFAULT '',
	agenda TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX meetings_pair ON meetings(pair_id);

CREATE TABLE actions (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	what TEXT NOT NULL,
	responsible TEXT NOT NULL DEFAULT '',
	resources TEXT NOT NULL DEFAULT '[]',   -- JSON list of resource ids
	due_on TEXT,
	target_trait TEXT,                      -- a trait id, or null
	target_step INTEGER CHECK (target_step IS NULL OR target_step BETWEEN 1 AND 6),
	status TEXT NOT NULL DEFAULT 'agreed' CHECK (status IN ('agreed', 'in_progress', 'done', 'dropped')),
	status_changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX actions_meeting ON actions(meeting_id);

-- Who changed or deleted what, and when. Kept when the object itself is erased.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	user_email TEXT NOT NULL,
	action TEXT NOT NULL,
	object_type TEXT NOT NULL,
	object_id INTEGER,
	project_id INTEGER,
	detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log(at);

-- Failed attempts for rate limiting sign-in and link endpoints, by key (account or address).
CREATE TABLE rate_limits (
	key TEXT PRIMARY KEY,
	failures INTEGER NOT NULL,
	window_start TEXT NOT NULL,
	blocked_until TEXT
) WITHOUT ROWID;
