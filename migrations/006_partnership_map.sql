-- Themes and areas declared for a project, and the partnership map of each.

-- A declared theme or area. A pair belongs to it when the pair's free-text theme (or area) is
-- the declared name (case and surrounding spaces aside); pairs keep their free text, so a value
-- nobody has declared still groups the pairs that share it.
CREATE TABLE project_groups (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('theme', 'area')),
	name TEXT NOT NULL COLLATE NOCASE,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (project_id, kind, name)
);

-- An actor on a group's map: an organisation of the project, or one not yet in it.
-- The row holds the actor's present state; map_changes holds every state it has had.
CREATE TABLE map_actors (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES project_groups(id) ON DELETE CASCADE,
	organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
	name TEXT NOT NULL,
	sector TEXT NOT NULL,
	resources TEXT NOT NULL DEFAULT '[]',   -- JSON list of resource ids
	relation TEXT NOT NULL,
	pair_id INTEGER REFERENCES pairs(id) ON DELETE SET NULL,
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX map_actors_group ON map_actors(group_id);

-- Every change of an actor, dated by the day it took effect, with the whole state after it,
-- so that the map can be drawn as it stood on any day.
CREATE TABLE map_changes (
	id INTEGER PRIMARY KEY,
	actor_id INTEGER NOT NULL REFERENCES map_actors(id) ON DELETE CASCADE,
	effective_on TEXT NOT NULL,             -- YYYY-MM-DD
	state TEXT NOT NULL,                    -- JSON ActorState
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX map_changes_actor ON map_changes(actor_id, effective_on);
