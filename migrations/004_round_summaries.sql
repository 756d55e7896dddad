-- What the project page counts and averages, kept up to date on every write instead of read
-- from a few kilobytes of JSON per round (reading that for every round of a big project made
-- its page slow). Triggers keep both tables in step with round_results, whoever writes them.

-- A compact copy of each round's numbers: respondents per side, the pair's step and trait means.
CREATE TABLE round_summaries (
	round_id INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	number INTEGER NOT NULL,
	municipality_n INTEGER NOT NULL,
	association_n INTEGER NOT NULL,
	pair_step INTEGER,
	shared_goal REAL,
	deliberate REAL,
	trust REAL,
	concrete REAL,
	reciprocity REAL,
	mutual_need REAL,
	respect REAL,
	meeting_place REAL
);

-- Per project, round number and step (0: no step shown): the rounds and their pair trait means'
-- sums and counts. round_results.result holds only what the round's promise lets be shown (a
-- withheld pair has no step and no means), so no group size is applied here. It counts open
-- rounds too (a round closes by the clock, without a write); the page subtracts those.
CREATE TABLE project_round_stats (
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	number INTEGER NOT NULL,
	step INTEGER NOT NULL,
	pairs INTEGER NOT NULL,
	shared_goal_sum REAL NOT NULL DEFAULT 0,
	shared_goal_n INTEGER NOT NULL DEFAULT 0,
	deliberate_sum REAL NOT NULL DEFAULT 0,
	deliberate_n INTEGER NOT NULL DEFAULT 0,
	trust_sum REAL NOT NULL DEFAULT 0,
	trust_n INTEGER NOT NULL DEFAULT 0,
	concrete_sum REAL NOT NULL DEFAULT 0,
	concrete_n INTEGER NOT NULL DEFAULT 0,
	reciprocity_sum REAL NOT NULL DEFAULT 0,
	reciprocity_n INTEGER NOT NULL DEFAULT 0,
	mutual_need_sum REAL NOT NULL DEFAULT 0,
	mutual_need_n INTEGER NOT NULL DEFAULT 0,
	respect_sum REAL NOT NULL DEFAULT 0,
	respect_n INTEGER NOT NULL DEFAULT 0,
	meeting_place_sum REAL NOT NULL DEFAULT 0,
	meeting_place_n INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (project_id, number, step)
) WITHOUT ROWID;

-- The rounds not yet closed by hand, by their planned closing: where the open ones are found.
CREATE INDEX rounds_unclosed ON rounds(closes_at) WHERE closed_at IS NULL;

INSERT INTO round_summaries (round_id, project_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place)
SELECT rr.round_id, p.project_id, r.number, rr.municipality_n, rr.association_n, rr.pair_step, json_extract(rr.result, '$.pair.traits.shared_goal.mean'), json_extract(rr.result, '$.pair.traits.deliberate.mean'), json_extract(rr.result, '$.pair.traits.trust.mean'), json_extract(rr.result, '$.pair.traits.concrete.mean'), json_extract(rr.result, '$.pair.traits.reciprocity.mean'), json_extract(rr.result, '$.pair.traits.mutual_need.mean'), json_extract(rr.result, '$.pair.traits.respect.mean'), json_extract(rr.result, '$.pair.traits.meeting_place.mean')
FROM round_results rr JOIN rounds r ON r.id = rr.round_id JOIN pairs p ON p.id = r.pair_id;

INSERT INTO project_round_stats (project_id, number, step, pairs, shared_goal_sum, shared_goal_n, deliberate_sum, deliberate_n, trust_sum, trust_n, concrete_sum, concrete_n, reciprocity_sum, reciprocity_n, mutual_need_sum, mutual_need_n, respect_sum, respect_n, meeting_place_sum, meeting_place_n)
SELECT s.project_id, s.number, coalesce(s.pair_step, 0), count(*), coalesce(sum(s.shared_goal), 0), count(s.shared_goal), coalesce(sum(s.deliberate), 0), count(s.deliberate), coalesce(sum(s.trust), 0), count(s.trust), coalesce(sum(s.concrete), 0), count(s.concrete), coalesce(sum(s.reciprocity), 0), count(s.reciprocity), coalesce(sum(s.mutual_need), 0), count(s.mutual_need), coalesce(sum(s.respect), 0), count(s.respect), coalesce(sum(s.meeting_place), 0), count(s.meeting_place)
FROM round_summaries s
GROUP BY s.project_id, s.number, coalesce(s.pair_step, 0);

CREATE TRIGGER round_summaries_from_insert AFTER INSERT ON round_results BEGIN
	INSERT INTO round_summaries (round_id, project_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place)
	SELECT NEW.round_id, p.project_id, r.number, NEW.municipality_n, NEW.association_n, NEW.pair_step, json_extract(NEW.result, '$.pair.traits.shared_goal.mean'), json_extract(NEW.result, '$.pair.traits.deliberate.mean'), json_extract(NEW.result, '$.pair.traits.trust.mean'), json_extract(NEW.result, '$.pair.traits.concrete.mean'), json_extract(NEW.result, '$.pair.traits.reciprocity.mean'), json_extract(NEW.result, '$.pair.traits.mutual_need.mean'), json_extract(NEW.result, '$.pair.traits.respect.mean'), json_extract(NEW.result, '$.pair.traits.meeting_place.mean')
	FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = NEW.round_id
	ON CONFLICT (round_id) DO UPDATE SET municipality_n = excluded.municipality_n, association_n = excluded.association_n,
		pair_step = excluded.pair_step, shared_goal = excluded.shared_goal, deliberate = excluded.deliberate, trust = excluded.trust, concrete = excluded.concrete, reciprocity = excluded.reciprocity, mutual_need = excluded.mutual_need, respect = excluded.respect, meeting_place = excluded.meeting_place;
END;

CREATE TRIGGER round_summaries_from_update AFTER UPDATE ON round_results BEGIN
	INSERT INTO round_summaries (round_id, project_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place)
	SELECT NEW.round_id, p.project_id, r.number, NEW.municipality_n, NEW.association_n, NEW.pair_step, json_extract(NEW.result, '$.pair.traits.shared_goal.mean'), json_extract(NEW.result, '$.pair.traits.deliberate.mean'), json_extract(NEW.result, '$.pair.traits.trust.mean'), json_extract(NEW.result, '$.pair.traits.concrete.mean'), json_extract(NEW.result, '$.pair.traits.reciprocity.mean'), json_extract(NEW.result, '$.pair.traits.mutual_need.mean'), json_extract(NEW.result, '$.pair.traits.respect.mean'), json_extract(NEW.result, '$.pair.traits.meeting_place.mean')
	FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = NEW.round_id
	ON CONFLICT (round_id) DO UPDATE SET municipality_n = excluded.municipality_n, association_n = excluded.association_n,
		pair_step = excluded.pair_step, shared_goal = excluded.shared_goal, deliberate = excluded.deliberate, trust = excluded.trust, concrete = excluded.concrete, reciprocity = excluded.reciprocity, mutual_need = excluded.mutual_need, respect = excluded.respect, meeting_place = excluded.meeting_place;
END;

CREATE TRIGGER round_summaries_from_delete AFTER DELETE ON round_results BEGIN
	DELETE FROM round_summaries WHERE round_id = OLD.round_id;
END;

CREATE TRIGGER project_round_stats_insert AFTER INSERT ON round_summaries BEGIN
	INSERT INTO project_round_stats (project_id, number, step, pairs, shared_goal_sum, shared_goal_n, deliberate_sum, deliberate_n, trust_sum, trust_n, concrete_sum, concrete_n, reciprocity_sum, reciprocity_n, mutual_need_sum, mutual_need_n, respect_sum, respect_n, meeting_place_sum, meeting_place_n)
	SELECT NEW.project_id, NEW.number, coalesce(NEW.pair_step, 0), 1, coalesce(NEW.shared_goal, 0), NEW.shared_goal IS NOT NULL, coalesce(NEW.deliberate, 0), NEW.deliberate IS NOT NULL, coalesce(NEW.trust, 0), NEW.trust IS NOT NULL, coalesce(NEW.concrete, 0), NEW.concrete IS NOT NULL, coalesce(NEW.reciprocity, 0), NEW.reciprocity IS NOT NULL, coalesce(NEW.mutual_need, 0), NEW.mutual_need IS NOT NULL, coalesce(NEW.respect, 0), NEW.respect IS NOT NULL, coalesce(NEW.meeting_place, 0), NEW.meeting_place IS NOT NULL
	ON CONFLICT (project_id, number, step) DO UPDATE SET pairs = pairs + 1,
		shared_goal_sum = shared_goal_sum + excluded.shared_goal_sum, shared_goal_n = shared_goal_n + excluded.shared_goal_n, deliberate_sum = deliberate_sum + excluded.deliberate_sum, deliberate_n = deliberate_n + excluded.deliberate_n, trust_sum = trust_sum + excluded.trust_sum, trust_n = trust_n + excluded.trust_n, concrete_sum = concrete_sum + excluded.concrete_sum, concrete_n = concrete_n + excluded.concrete_n, reciprocity_sum = reciprocity_sum + excluded.reciprocity_sum, reciprocity_n = reciprocity_n + excluded.reciprocity_n, mutual_need_sum = mutual_need_sum + excluded.mutual_need_sum, mutual_need_n = mutual_need_n + excluded.mutual_need_n, respect_sum = respect_sum + excluded.respect_sum, respect_n = respect_n + excluded.respect_n, meeting_place_sum = meeting_place_sum + excluded.meeting_place_sum, meeting_place_n = meeting_place_n + excluded.meeting_place_n;
END;

CREATE TRIGGER project_round_stats_update AFTER UPDATE ON round_summaries BEGIN
	UPDATE project_round_stats SET pairs = pairs - 1,
		shared_goal_sum = shared_goal_sum - coalesce(OLD.shared_goal, 0), shared_goal_n = shared_goal_n - (OLD.shared_goal IS NOT NULL),
		deliberate_sum = deliberate_sum - coalesce(OLD.deliberate, 0), deliberate_n = deliberate_n - (OLD.deliberate IS NOT NULL),
		trust_sum = trust_sum - coalesce(OLD.trust, 0), trust_n = trust_n - (OLD.trust IS NOT NULL),
		concrete_sum = concrete_sum - coalesce(OLD.concrete, 0), concrete_n = concrete_n - (OLD.concrete IS NOT NULL),
		reciprocity_sum = reciprocity_sum - coalesce(OLD.reciprocity, 0), reciprocity_n = reciprocity_n - (OLD.reciprocity IS NOT NULL),
		mutual_need_sum = mutual_need_sum - coalesce(OLD.mutual_need, 0), mutual_need_n = mutual_need_n - (OLD.mutual_need IS NOT NULL),
		respect_sum = respect_sum - coalesce(OLD.respect, 0), respect_n = respect_n - (OLD.respect IS NOT NULL),
		meeting_place_sum = meeting_place_sum - coalesce(OLD.meeting_place, 0), meeting_place_n = meeting_place_n - (OLD.meeting_place IS NOT NULL)
	WHERE project_id = OLD.project_id AND number = OLD.number AND step = coalesce(OLD.pair_step, 0);
	INSERT INTO project_round_stats (project_id, number, step, pairs, shared_goal_sum, shared_goal_n, deliberate_sum, deliberate_n, trust_sum, trust_n, concrete_sum, concrete_n, reciprocity_sum, reciprocity_n, mutual_need_sum, mutual_need_n, respect_sum, respect_n, meeting_place_sum, meeting_place_n)
	SELECT NEW.project_id, NEW.number, coalesce(NEW.pair_step, 0), 1, coalesce(NEW.shared_goal, 0), NEW.shared_goal IS NOT NULL, coalesce(NEW.deliberate, 0), NEW.deliberate IS NOT NULL, coalesce(NEW.trust, 0), NEW.trust IS NOT NULL, coalesce(NEW.concrete, 0), NEW.concrete IS NOT NULL, coalesce(NEW.reciprocity, 0), NEW.reciprocity IS NOT NULL, coalesce(NEW.mutual_need, 0), NEW.mutual_need IS NOT NULL, coalesce(NEW.respect, 0), NEW.respect IS NOT NULL, coalesce(NEW.meeting_place, 0), NEW.meeting_place IS NOT NULL
	ON CONFLICT (project_id, number, step) DO UPDATE SET pairs = pairs + 1,
		shared_goal_sum = shared_goal_sum + excluded.shared_goal_sum, shared_goal_n = shared_goal_n + excluded.shared_goal_n, deliberate_sum = deliberate_sum + excluded.deliberate_sum, deliberate_n = deliberate_n + excluded.deliberate_n, trust_sum = trust_sum + excluded.trust_sum, trust_n = trust_n + excluded.trust_n, concrete_sum = concrete_sum + excluded.concrete_sum, concrete_n = concrete_n + excluded.concrete_n, reciprocity_sum = reciprocity_sum + excluded.reciprocity_sum, reciprocity_n = reciprocity_n + excluded.reciprocity_n, mutual_need_sum = mutual_need_sum + excluded.mutual_need_sum, mutual_need_n = mutual_need_n + excluded.mutual_need_n, respect_sum = respect_sum + excluded.respect_sum, respect_n = respect_n + excluded.respect_n, meeting_place_sum = meeting_place_sum + excluded.meeting_place_sum, meeting_place_n = meeting_place_n + excluded.meeting_place_n;
END;

CREATE TRIGGER project_round_stats_delete AFTER DELETE ON round_summaries BEGIN
	UPDATE project_round_stats SET pairs = pairs - 1,
		shared_goal_sum = shared_goal_sum - coalesce(OLD.shared_goal, 0), shared_goal_n = shared_goal_n - (OLD.shared_goal IS NOT NULL),
		deliberate_sum = deliberate_sum - coalesce(OLD.deliberate, 0), deliberate_n = deliberate_n - (OLD.deliberate IS NOT NULL),
		trust_sum = trust_sum - coalesce(OLD.trust, 0), trust_n = trust_n - (OLD.trust IS NOT NULL),
		concrete_sum = concrete_sum - coalesce(OLD.concrete, 0), concrete_n = concrete_n - (OLD.concrete IS NOT NULL),
		reciprocity_sum = reciprocity_sum - coalesce(OLD.reciprocity, 0), reciprocity_n = reciprocity_n - (OLD.reciprocity IS NOT NULL),
		mutual_need_sum = mutual_need_sum - coalesce(OLD.mutual_need, 0), mutual_need_n = mutual_need_n - (OLD.mutual_need IS NOT NULL),
		respect_sum = respect_sum - coalesce(OLD.respect, 0), respect_n = respect_n - (OLD.respect IS NOT NULL),
		meeting_place_sum = meeting_place_sum - coalesce(OLD.meeting_place, 0), meeting_place_n = meeting_place_n - (OLD.meeting_place IS NOT NULL)
	WHERE project_id = OLD.project_id AND number = OLD.number AND step = coalesce(OLD.pair_step, 0);
END;
