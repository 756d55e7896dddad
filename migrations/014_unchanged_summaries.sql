-- A submit rewrites its round's summary whole (the counts change with every response), and an
-- UPDATE OF trigger fires for every column the statement sets, changed or not. So each submit
-- took the round out of the project's sums and put it back, and re-derived the pair's "not
-- moved" flags, even when its step and trait means stayed as they were: while a side is still
-- withheld, or when the result did not move. Each of those is two to three statements and a page
-- written to the WAL, fsynced with the commit. Now the triggers run only when a value they follow
-- changes. Taking a row out and adding it back changes nothing, so the sums are the same, except
-- that they no longer gather a floating-point rounding on every such submit.
DROP TRIGGER project_round_stats_update;
DROP TRIGGER project_unclosed_stats_update;
DROP TRIGGER round_summaries_unmoved_update;

CREATE TRIGGER project_round_stats_update AFTER UPDATE OF project_id, number, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place ON round_summaries
WHEN OLD.project_id IS NOT NEW.project_id OR OLD.number IS NOT NEW.number OR OLD.pair_step IS NOT NEW.pair_step OR OLD.shared_goal IS NOT NEW.shared_goal OR OLD.deliberate IS NOT NEW.deliberate OR OLD.trust IS NOT NEW.trust OR OLD.concrete IS NOT NEW.concrete OR OLD.reciprocity IS NOT NEW.reciprocity OR OLD.mutual_need IS NOT NEW.mutual_need OR OLD.respect IS NOT NEW.respect OR OLD.meeting_place IS NOT NEW.meeting_place BEGIN
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

CREATE TRIGGER project_unclosed_stats_update AFTER UPDATE OF project_id, number, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place, open_until ON round_summaries
WHEN OLD.project_id IS NOT NEW.project_id OR OLD.number IS NOT NEW.number OR OLD.pair_step IS NOT NEW.pair_step OR OLD.shared_goal IS NOT NEW.shared_goal OR OLD.deliberate IS NOT NEW.deliberate OR OLD.trust IS NOT NEW.trust OR OLD.concrete IS NOT NEW.concrete OR OLD.reciprocity IS NOT NEW.reciprocity OR OLD.mutual_need IS NOT NEW.mutual_need OR OLD.respect IS NOT NEW.respect OR OLD.meeting_place IS NOT NEW.meeting_place OR OLD.open_until IS NOT NEW.open_until BEGIN
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

CREATE TRIGGER round_summaries_unmoved_update AFTER UPDATE OF pair_step ON round_summaries
WHEN OLD.pair_step IS NOT NEW.pair_step BEGIN
	UPDATE round_summaries SET unmoved = (SELECT count(*) = 3 AND count(step) = 3 AND min(step) = max(step) FROM (
		SELECT z.pair_step AS step FROM round_summaries z
		WHERE z.pair_id = round_summaries.pair_id AND z.number <= round_summaries.number ORDER BY z.number DESC LIMIT 3))
	WHERE pair_id = NEW.pair_id AND number IN (
		SELECT number FROM round_summaries WHERE pair_id = NEW.pair_id AND number >= NEW.number ORDER BY number LIMIT 3);
END;
