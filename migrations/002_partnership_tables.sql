-- Partnership tables (kumppanuuspöytä): a forum of several organisations around a theme or an
-- area, meeting in a numbered series. Meetings and actions move from a pair to a table; each
-- pair that had meetings gets a table of its own two organisations, with the pair's id as the
-- table's id, so that nothing recorded before is lost.

CREATE TABLE partnership_tables (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	theme TEXT NOT NULL DEFAULT '',
	area TEXT NOT NULL DEFAULT '',
	convener_org_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
	-- The table link through which members send agenda items without an account; null: no link.
	link_token TEXT UNIQUE,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX partnership_tables_project ON partnership_tables(project_id);

-- Member organisations, with the people who attend named by role (whatever the worker records).
CREATE TABLE table_members (
	table_id INTEGER NOT NULL REFERENCES partnership_tables(id) ON DELETE CASCADE,
	org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	people TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (table_id, org_id)
) WITHOUT ROWID;
CREATE INDEX table_members_org ON table_members(org_id);

-- The assessed pairs that sit at a table. A pair may sit at several tables.
CREATE TABLE table_pairs (
	table_id INTEGER NOT NULL REFERENCES partnership_tables(id) ON DELETE CASCADE,
	pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
	PRIMARY KEY (table_id, pair_id)
) WITHOUT ROWID;
CREATE INDEX table_pairs_pair ON table_pairs(pair_id);

-- The goal agreed together; every edit is a new row, so the newest row is the goal and the rest its history.
CREATE TABLE table_goals (
	id INTEGER PRIMARY KEY,
	table_id INTEGER NOT NULL REFERENCES partnership_tables(id) ON DELETE CASCADE,
	goal TEXT NOT NULL,
	changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX table_goals_table ON table_goals(table_id, id);

CREATE TABLE table_meetings (
	id INTEGER PRIMARY KEY,
	table_id INTEGER NOT NULL REFERENCES partnership_tables(id) ON DELETE CASCADE,
	number INTEGER NOT NULL CHECK (number >= 1),
	round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,   -- the results it started from, for meetings moved from a pair
	held_on TEXT NOT NULL,
	duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 600),
	chair_org_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
	secretary_org_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
	participants TEXT NOT NULL DEFAULT '',
	agenda TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	decisions TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (table_id, number)
);

-- An action is assigned to a member organisation; `responsible` keeps a note on who within it,
-- or, for actions recorded before tables, the free text that named no member.
CREATE TABLE table_actions (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES table_meetings(id) ON DELETE CASCADE,
	what TEXT NOT NULL,
	member_org_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
	responsible TEXT NOT NULL DEFAULT '',
	resources TEXT NOT NULL DEFAULT '[]',   -- JSON list of resource ids
	due_on TEXT,
	target_trait TEXT,                      -- a trait id, or null
	target_step INTEGER CHECK (target_step IS NULL OR target_step BETWEEN 1 AND 6),
	status TEXT NOT NULL DEFAULT 'agreed' CHECK (status IN ('agreed', 'in_progress', 'done', 'dropped')),
	status_changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Move every pair's meetings and actions. Ids are kept, so links and exports stay valid.
INSERT INTO partnership_tables (id, project_id, name, theme, area, created_at)
SELECT p.id, p.project_id, mo.name || ' – ' || ao.name, p.theme, p.area, min(m.created_at)
FROM pairs p
JOIN organisations mo ON mo.id = p.municipality_org_id
JOIN organisations ao ON ao.id = p.association_org_id
JOIN meetings m ON m.pair_id = p.id
GROUP BY p.id;

INSERT INTO table_members (table_id, org_id)
SELECT t.id, p.municipality_org_id FROM partnership_tables t JOIN pairs p ON p.id = t.id
UNION ALL
SELECT t.id, p.association_org_id FROM partnership_tables t JOIN pairs p ON p.id = t.id;

INSERT INTO table_pairs (table_id, pair_id) SELECT id, id FROM partnership_tables;

INSERT INTO table_meetings (id, table_id, number, round_id, held_on, participants, agenda, notes, created_by, created_at)
SELECT id, pair_id, row_number() OVER (PARTITION BY pair_id ORDER BY held_on, id), round_id, held_on, participants, agenda, notes,
	created_by, created_at
FROM meetings;

INSERT INTO table_actions (id, meeting_id, what, member_org_id, responsible, resources, due_on, target_trait, target_step, status, status_changed_at)
SELECT a.id, a.meeting_id, a.what, o.id, CASE WHEN o.id IS NULL THEN a.responsible ELSE '' END, a.resources, a.due_on,
	a.target_trait, a.target_step, a.status, a.status_changed_at
FROM actions a
JOIN meetings m ON m.id = a.meeting_id
JOIN pairs p ON p.id = m.pair_id
LEFT JOIN organisations o ON o.id IN (p.municipality_org_id, p.association_org_id) AND o.name = a.responsible;

DROP TABLE actions;
DROP TABLE meetings;
CREATE INDEX table_meetings_table ON table_meetings(table_id, number);
CREATE INDEX table_actions_meeting ON table_actions(meeting_id);
CREATE INDEX table_actions_member ON table_actions(member_org_id);

-- Each action once for every pair at its meeting's table, with the pair's round the meeting
-- started from: the round recorded with it when it is that pair's (meetings moved from a pair),
-- otherwise the pair's latest round closed by the meeting's day. Results and exports read this.
CREATE VIEW pair_actions AS
SELECT tp.pair_id, a.id AS action_id, m.id AS meeting_id,
	CASE WHEN r.pair_id = tp.pair_id THEN m.round_id
	     ELSE (SELECT c.id FROM rounds c WHERE c.pair_id = tp.pair_id AND c.closed_at IS NOT NULL AND substr(c.closed_at, 1, 10) <= m.held_on
	           ORDER BY c.number DESC LIMIT 1) END AS meeting_round_id
FROM table_actions a
JOIN table_meetings m ON m.id = a.meeting_id
JOIN table_pairs tp ON tp.table_id = m.table_id
LEFT JOIN rounds r ON r.id = m.round_id;

-- Items sent in for a table's next agenda: by a member through the table link, by a worker,
-- or from another part of the app (e.g. the partnership map). The secretary accepts or
-- declines; an accepted item is on the agenda until a meeting takes it up.
CREATE TABLE agenda_items (
	id INTEGER PRIMARY KEY,
	table_id INTEGER NOT NULL REFERENCES partnership_tables(id) ON DELETE CASCADE,
	source TEXT NOT NULL CHECK (source IN ('link', 'worker', 'map')),
	sender TEXT NOT NULL DEFAULT '',        -- who sent it, as they wrote it
	text TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
	meeting_id INTEGER REFERENCES table_meetings(id) ON DELETE SET NULL,   -- the meeting that took it up
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	decided_at TEXT
);
CREATE INDEX agenda_items_table ON agenda_items(table_id, status);

-- Written agreements or rules of the game, of a table or of a pair (exactly one of the two).
CREATE TABLE agreements (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	table_id INTEGER REFERENCES partnership_tables(id) ON DELETE CASCADE,
	pair_id INTEGER REFERENCES pairs(id) ON DELETE CASCADE,
	title TEXT NOT NULL,
	agreed_on TEXT,
	review_on TEXT,
	link TEXT NOT NULL DEFAULT '',          -- where the document is kept (an http(s) address)
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK ((table_id IS NULL) <> (pair_id IS NULL))
);
CREATE INDEX agreements_project ON agreements(project_id, review_on);

-- The municipality's instruments in use for a table or a pair (exactly one of the two).
CREATE TABLE instruments (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	table_id INTEGER REFERENCES partnership_tables(id) ON DELETE CASCADE,
	pair_id INTEGER REFERENCES pairs(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('grant', 'grant_with_obligations', 'procurement', 'direct_award',
		'participatory_budgeting', 'service_voucher', 'free_premises')),
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK ((table_id IS NULL) <> (pair_id IS NULL))
);
CREATE INDEX instruments_project ON instruments(project_id);
