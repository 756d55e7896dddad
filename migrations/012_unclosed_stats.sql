-- The project page and a theme or an area holding most of a project show the step distribution
-- and trait means of closed rounds: the project's maintained totals (project_round_stats) less the
-- rounds open now. Finding the open rounds' summaries took one seek per open round (about 7 ms of
-- each page at 2,000 pairs, every one of them in an open round). A round closes by the clock,
-- without a write, so "open now" cannot be kept. What can be kept is the summaries of rounds not
-- closed by hand, summed by their planned closing time (the form sets a day's end; or none): a
-- project's open share is then the few rows whose closing time is still ahead.

-- The summary carries its round's closing time while the round is not closed by hand ('' when it
-- has none, NULL once closed), so the sums below follow from the summary's own row, also when a
-- deleted pair takes its rounds and summaries with it.
ALTER TABLE round_summaries ADD COLUMN open_until TEXT;

CREATE TABLE project_unclosed_stats (
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	open_until TEXT NOT NULL,
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
	PRIMARY KEY (project_id, open_until, number, step)
) WITHOUT ROWID;

UPDATE round_summaries SET open_until = (SELECT coalesce(r.closes_at, '') FROM rounds r WHERE r.id = round_summaries.round_id AND r.closed_at IS NULL);

-- A pair's latest ended round with results, the start of every "latest closed round" figure, is
-- then found in this index alone: the pair's last entry, or the one before it when that round
-- has not ended (only a pair's latest round can be open).
CREATE INDEX round_summaries_by_pair_until ON round_summaries(pair_id, number, open_until);

INSERT INTO project_unclosed_stats (project_id, open_until, number, step, pairs, shared_goal_sum, shared_goal_n, deliberate_sum, deliberate_n, trust_sum, trust_n, concrete_sum, concrete_n, reciprocity_sum, reciprocity_n, mutual_need_sum, mutual_need_n, respect_sum, respect_n, meeting_place_sum, meeting_place_n)
SELECT s.project_id, s.open_until, s.number, coalesce(s.pair_step, 0), count(*), coalesce(sum(s.shared_goal), 0), count(s.shared_goal), coalesce(sum(s.deliberate), 0), count(s.deliberate), coalesce(sum(s.trust), 0), count(s.trust), coalesce(sum(s.concrete), 0), count(s.concrete), coalesce(sum(s.reciprocity), 0), count(s.reciprocity), coalesce(sum(s.mutual_need), 0), count(s.mutual_need), coalesce(sum(s.respect), 0), count(s.respect), coalesce(sum(s.meeting_place), 0), count(s.meeting_place)
FROM round_summaries s WHERE s.open_until IS NOT NULL
GROUP BY s.project_id, s.open_until, s.number, coalesce(s.pair_step, 0);

-- A new summary takes its round's state; setting it adds the row to the sums (the update trigger).
CREATE TRIGGER round_summaries_open_until AFTER INSERT ON round_summaries BEGIN
	UPDATE round_summaries SET open_until = (SELECT coalesce(r.closes_at, '') FROM rounds r WHERE r.id = NEW.round_id AND r.closed_at IS NULL)
	WHERE round_id = NEW.round_id;
END;

-- A round closed by hand (or its planned closing changed) moves its summary.
CREATE TRIGGER rounds_open_until AFTER UPDATE OF closed_at, closes_at ON rounds BEGIN
	UPDATE round_summaries SET open_until = CASE WHEN NEW.closed_at IS NULL THEN coalesce(NEW.closes_at, '') END
	WHERE round_id = NEW.id AND open_until IS NOT CASE WHEN NEW.closed_at IS NULL THEN coalesce(NEW.closes_at, '') END;
END;

CREATE TRIGGER project_unclosed_stats_update AFTER UPDATE OF project_id, number, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place, open_until ON round_summaries BEGIN
	UPDATE project_unclosed_stats SET pairs = pairs - 1,
		shared_goal_sum = shared_goal_sum - coalesce(OLD.shared_goal, 0), shared_goal_n = shared_goal_n - (OLD.shared_goal IS NOT NULL),
		deliberate_sum = deliberate_sum - coalesce(OLD.deliberate, 0), deliberate_n = deliberate_n - (OLD.deliberate IS NOT NULL),
		trust_sum = trust_sum - coalesce(OLD.trust, 0), trust_n = trust_n - (OLD.trust IS NOT NULL),
		concrete_sum = concrete_sum - coalesce(OLD.concrete, 0), concrete_n = concrete_n - (OLD.concrete IS NOT NULL),
		reciprocity_sum = reciprocity_sum - coalesce(OLD.reciprocity, 0), reciprocity_n = reciprocity_n - (OLD.reciprocity IS NOT NULL),
		mutual_need_sum = mutual_need_sum - coalesce(OLD.mutual_need, 0), mutual_need_n = mutual_need_n - (OLD.mutual_need IS NOT NULL),
		respect_sum = respect_sum - coalesce(OLD.respect, 0), respect_n = respect_n - (OLD.respect IS NOT NULL),
		meeting_place_sum = meeting_place_sum - coalesce(OLD.meeting_place, 0), meeting_place_n = meeting_place_n - (OLD.meeting_place IS NOT NULL)
	WHERE OLD.open_until IS NOT NULL AND project_id = OLD.project_id AND open_until = OLD.open_until AND number = OLD.number AND step = coalesce(OLD.pair_step, 0);
	INSERT INTO project_unclosed_stats (project_id, open_until, number, step, pairs, shared_goal_sum, shared_goal_n, deliberate_sum, deliberate_n, trust_sum, trust_n, concrete_sum, concrete_n, reciprocity_sum, reciprocity_n, mutual_need_sum, mutual_need_n, respect_sum, respect_n, meeting_place_sum, meeting_place_n)
	SELECT NEW.project_id, NEW.open_until, NEW.number, coalesce(NEW.pair_step, 0), 1, coalesce(NEW.shared_goal, 0), NEW.shared_goal IS NOT NULL, coalesce(NEW.deliberate, 0), NEW.deliberate IS NOT NULL, coalesce(NEW.trust, 0), NEW.trust IS NOT NULL, coalesce(NEW.concrete, 0), NEW.concrete IS NOT NULL, coalesce(NEW.reciprocity, 0), NEW.reciprocity IS NOT NULL, coalesce(NEW.mutual_need, 0), NEW.mutual_need IS NOT NULL, coalesce(NEW.respect, 0), NEW.respect IS NOT NULL, coalesce(NEW.meeting_place, 0), NEW.meeting_place IS NOT NULL
	WHERE NEW.open_until IS NOT NULL
	ON CONFLICT (project_id, open_until, number, step) DO UPDATE SET pairs = pairs + 1,
		shared_goal_sum = shared_goal_sum + excluded.shared_goal_sum, shared_goal_n = shared_goal_n + excluded.shared_goal_n, deliberate_sum = deliberate_sum + excluded.deliberate_sum, deliberate_n = deliberate_n + excluded.deliberate_n, trust_sum = trust_sum + excluded.trust_sum, trust_n = trust_n + excluded.trust_n, concrete_sum = concrete_sum + excluded.concrete_sum, concrete_n = concrete_n + excluded.concrete_n, reciprocity_sum = reciprocity_sum + excluded.reciprocity_sum, reciprocity_n = reciprocity_n + excluded.reciprocity_n, mutual_need_sum = mutual_need_sum + excluded.mutual_need_sum, mutual_need_n = mutual_need_n + excluded.mutual_need_n, respect_sum = respect_sum + excluded.respect_sum, respect_n = respect_n + excluded.respect_n, meeting_place_sum = meeting_place_sum + excluded.meeting_place_sum, meeting_place_n = meeting_place_n + excluded.meeting_place_n;
END;

CREATE TRIGGER project_unclosed_stats_delete AFTER DELETE ON round_summaries BEGIN
	UPDATE project_unclosed_stats SET pairs = pairs - 1,
		shared_goal_sum = shared_goal_sum - coalesce(OLD.shared_goal, 0), shared_goal_n = shared_goal_n - (OLD.shared_goal IS NOT NULL),
		deliberate_sum = deliberate_sum - coalesce(OLD.deliberate, 0), deliberate_n = deliberate_n - (OLD.deliberate IS NOT NULL),
		trust_sum = trust_sum - coalesce(OLD.trust, 0), trust_n = trust_n - (OLD.trust IS NOT NULL),
		concrete_sum = concrete_sum - coalesce(OLD.concrete, 0), concrete_n = concrete_n - (OLD.concrete IS NOT NULL),
		reciprocity_sum = reciprocity_sum - coalesce(OLD.reciprocity, 0), reciprocity_n = reciprocity_n - (OLD.reciprocity IS NOT NULL),
		mutual_need_sum = mutual_need_sum - coalesce(OLD.mutual_need, 0), mutual_need_n = mutual_need_n - (OLD.mutual_need IS NOT NULL),
		respect_sum = respect_sum - coalesce(OLD.respect, 0), respect_n = respect_n - (OLD.respect IS NOT NULL),
		meeting_place_sum = meeting_place_sum - coalesce(OLD.meeting_place, 0), meeting_place_n = meeting_place_n - (OLD.meeting_place IS NOT NULL)
	WHERE OLD.open_until IS NOT NULL AND project_id = OLD.project_id AND open_until = OLD.open_until AND number = OLD.number AND step = coalesce(OLD.pair_step, 0);
END;
