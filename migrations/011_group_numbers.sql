-- "Pairs that have not moved for two rounds" is asked of every pair of a theme or an area, which
-- can hold every pair of a big project: reading each pair's last three rounds made it a second
-- pass over the pairs (about 6 ms of the theme page at 2,000 pairs). Each round summary now says
-- whether its step and the steps of the pair's two summarised rounds before it are one and the
-- same shown step, so the page reads it from the row it already reads: the pair's latest closed
-- round. The rounds before a closed round are closed too (a pair opens its next round only when
-- none is open, and a round never reopens), so they are the ones the rule asks about.
ALTER TABLE round_summaries ADD COLUMN unmoved INTEGER NOT NULL DEFAULT 0;

-- The project's totals change with a summary's numbers only, not with the flag: without the
-- column list, setting the flag would take each row out of the totals and add it back.
DROP TRIGGER project_round_stats_update;
CREATE TRIGGER project_round_stats_update AFTER UPDATE OF project_id, number, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place ON round_summaries BEGIN
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

UPDATE round_summaries SET unmoved = (SELECT count(*) = 3 AND count(step) = 3 AND min(step) = max(step) FROM (
		SELECT z.pair_step AS step FROM round_summaries z
		WHERE z.pair_id = round_summaries.pair_id AND z.number <= round_summaries.number ORDER BY z.number DESC LIMIT 3));

-- A summary written, changed or removed changes the flag of its own row and of the pair's next two.
CREATE TRIGGER round_summaries_unmoved_insert AFTER INSERT ON round_summaries BEGIN
	UPDATE round_summaries SET unmoved = (SELECT count(*) = 3 AND count(step) = 3 AND min(step) = max(step) FROM (
		SELECT z.pair_step AS step FROM round_summaries z
		WHERE z.pair_id = round_summaries.pair_id AND z.number <= round_summaries.number ORDER BY z.number DESC LIMIT 3))
	WHERE pair_id = NEW.pair_id AND number IN (
		SELECT number FROM round_summaries WHERE pair_id = NEW.pair_id AND number >= NEW.number ORDER BY number LIMIT 3);
END;

CREATE TRIGGER round_summaries_unmoved_update AFTER UPDATE OF pair_step ON round_summaries BEGIN
	UPDATE round_summaries SET unmoved = (SELECT count(*) = 3 AND count(step) = 3 AND min(step) = max(step) FROM (
		SELECT z.pair_step AS step FROM round_summaries z
		WHERE z.pair_id = round_summaries.pair_id AND z.number <= round_summaries.number ORDER BY z.number DESC LIMIT 3))
	WHERE pair_id = NEW.pair_id AND number IN (
		SELECT number FROM round_summaries WHERE pair_id = NEW.pair_id AND number >= NEW.number ORDER BY number LIMIT 3);
END;

CREATE TRIGGER round_summaries_unmoved_delete AFTER DELETE ON round_summaries BEGIN
	UPDATE round_summaries SET unmoved = (SELECT count(*) = 3 AND count(step) = 3 AND min(step) = max(step) FROM (
		SELECT z.pair_step AS step FROM round_summaries z
		WHERE z.pair_id = round_summaries.pair_id AND z.number <= round_summaries.number ORDER BY z.number DESC LIMIT 3))
	WHERE pair_id = OLD.pair_id AND number IN (
		SELECT number FROM round_summaries WHERE pair_id = OLD.pair_id AND number > OLD.number ORDER BY number LIMIT 2);
END;

-- A theme's or an area's page finds its pairs by the value written on them (pairGroupValues,
-- pairIdsWith): through an index on the value, instead of grouping every pair of the project.
CREATE INDEX pairs_by_theme ON pairs(project_id, theme);
CREATE INDEX pairs_by_area ON pairs(project_id, area);
