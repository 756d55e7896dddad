-- What each side reports doing together and bringing, kept beside the pair's (migration 008 keeps
-- the pair's only): a theme or an area shows the counts per side too, with each question's n, and
-- a theme can hold every pair of a big project, so they are counted in SQL from these columns
-- instead of from each round's whole result. Per side, a JSON object of the questions the side
-- answered (n > 0, not withheld): {"activities": {"n": 5, "reported": ["discussion", "events"]}},
-- where an option is reported when at least half of the side's n ticked it (report.ts: `reports`).
-- NULL where the side itself is withheld or has no result.
ALTER TABLE round_summaries ADD COLUMN municipality_choices TEXT;
ALTER TABLE round_summaries ADD COLUMN association_choices TEXT;
-- The round's pair, and an index that holds what a group's numbers read (steps and trait means by
-- pair and round): a theme's page then reads one narrow index, not every round of its pairs.
ALTER TABLE round_summaries ADD COLUMN pair_id INTEGER;

UPDATE round_summaries SET
	pair_id = (SELECT r.pair_id FROM rounds r WHERE r.id = round_summaries.round_id),
	municipality_choices = (SELECT CASE WHEN json_type(rr.result, '$.sides.municipality') = 'object' THEN (
			SELECT json_group_object(c.key, json_object('n', c.value ->> '$.n', 'reported', json((
				SELECT json_group_array(o.key) FROM (SELECT o.key FROM json_each(c.value, '$.counts') o WHERE 2 * o.value >= (c.value ->> '$.n') ORDER BY o.key) o))))
			FROM json_each(rr.result, '$.sides.municipality.choices') c
			WHERE (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0) END FROM round_results rr WHERE rr.round_id = round_summaries.round_id),
	association_choices = (SELECT CASE WHEN json_type(rr.result, '$.sides.association') = 'object' THEN (
			SELECT json_group_object(c.key, json_object('n', c.value ->> '$.n', 'reported', json((
				SELECT json_group_array(o.key) FROM (SELECT o.key FROM json_each(c.value, '$.counts') o WHERE 2 * o.value >= (c.value ->> '$.n') ORDER BY o.key) o))))
			FROM json_each(rr.result, '$.sides.association.choices') c
			WHERE (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0) END FROM round_results rr WHERE rr.round_id = round_summaries.round_id);

-- The fill above ran the totals' update trigger once per row (take away, add back), which leaves
-- rounding dust in the sums: count them afresh from the summaries, as migration 004 first did.
DELETE FROM project_round_stats;
INSERT INTO project_round_stats (project_id, number, step, pairs, shared_goal_sum, shared_goal_n, deliberate_sum, deliberate_n, trust_sum, trust_n, concrete_sum, concrete_n, reciprocity_sum, reciprocity_n, mutual_need_sum, mutual_need_n, respect_sum, respect_n, meeting_place_sum, meeting_place_n)
SELECT s.project_id, s.number, coalesce(s.pair_step, 0), count(*), coalesce(sum(s.shared_goal), 0), count(s.shared_goal), coalesce(sum(s.deliberate), 0), count(s.deliberate), coalesce(sum(s.trust), 0), count(s.trust), coalesce(sum(s.concrete), 0), count(s.concrete), coalesce(sum(s.reciprocity), 0), count(s.reciprocity), coalesce(sum(s.mutual_need), 0), count(s.mutual_need), coalesce(sum(s.respect), 0), count(s.respect), coalesce(sum(s.meeting_place), 0), count(s.meeting_place)
FROM round_summaries s
GROUP BY s.project_id, s.number, coalesce(s.pair_step, 0);

CREATE INDEX round_summaries_by_pair ON round_summaries(pair_id, number, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place);

DROP TRIGGER round_summaries_from_insert;
DROP TRIGGER round_summaries_from_update;

CREATE TRIGGER round_summaries_from_insert AFTER INSERT ON round_results BEGIN
	INSERT INTO round_summaries (round_id, project_id, pair_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place, reported, municipality_choices, association_choices)
	SELECT NEW.round_id, p.project_id, r.pair_id, r.number, NEW.municipality_n, NEW.association_n, NEW.pair_step, json_extract(NEW.result, '$.pair.traits.shared_goal.mean'), json_extract(NEW.result, '$.pair.traits.deliberate.mean'), json_extract(NEW.result, '$.pair.traits.trust.mean'), json_extract(NEW.result, '$.pair.traits.concrete.mean'), json_extract(NEW.result, '$.pair.traits.reciprocity.mean'), json_extract(NEW.result, '$.pair.traits.mutual_need.mean'), json_extract(NEW.result, '$.pair.traits.respect.mean'), json_extract(NEW.result, '$.pair.traits.meeting_place.mean'),
		(SELECT group_concat(k, ' ') FROM (
			SELECT DISTINCT c.key || '/' || o.key AS k
			FROM json_each(NEW.result, '$.sides') sd, json_each(sd.value, '$.choices') c, json_each(c.value, '$.counts') o
			WHERE sd.type = 'object' AND (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0 AND 2 * o.value >= (c.value ->> '$.n')
			ORDER BY k)),
		CASE WHEN json_type(NEW.result, '$.sides.municipality') = 'object' THEN (
			SELECT json_group_object(c.key, json_object('n', c.value ->> '$.n', 'reported', json((
				SELECT json_group_array(o.key) FROM (SELECT o.key FROM json_each(c.value, '$.counts') o WHERE 2 * o.value >= (c.value ->> '$.n') ORDER BY o.key) o))))
			FROM json_each(NEW.result, '$.sides.municipality.choices') c
			WHERE (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0) END,
		CASE WHEN json_type(NEW.result, '$.sides.association') = 'object' THEN (
			SELECT json_group_object(c.key, json_object('n', c.value ->> '$.n', 'reported', json((
				SELECT json_group_array(o.key) FROM (SELECT o.key FROM json_each(c.value, '$.counts') o WHERE 2 * o.value >= (c.value ->> '$.n') ORDER BY o.key) o))))
			FROM json_each(NEW.result, '$.sides.association.choices') c
			WHERE (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0) END
	FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = NEW.round_id
	ON CONFLICT (round_id) DO UPDATE SET municipality_n = excluded.municipality_n, association_n = excluded.association_n,
		pair_step = excluded.pair_step, shared_goal = excluded.shared_goal, deliberate = excluded.deliberate, trust = excluded.trust, concrete = excluded.concrete, reciprocity = excluded.reciprocity, mutual_need = excluded.mutual_need, respect = excluded.respect, meeting_place = excluded.meeting_place, reported = excluded.reported,
		municipality_choices = excluded.municipality_choices, association_choices = excluded.association_choices;
END;

CREATE TRIGGER round_summaries_from_update AFTER UPDATE ON round_results BEGIN
	INSERT INTO round_summaries (round_id, project_id, pair_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place, reported, municipality_choices, association_choices)
	SELECT NEW.round_id, p.project_id, r.pair_id, r.number, NEW.municipality_n, NEW.association_n, NEW.pair_step, json_extract(NEW.result, '$.pair.traits.shared_goal.mean'), json_extract(NEW.result, '$.pair.traits.deliberate.mean'), json_extract(NEW.result, '$.pair.traits.trust.mean'), json_extract(NEW.result, '$.pair.traits.concrete.mean'), json_extract(NEW.result, '$.pair.traits.reciprocity.mean'), json_extract(NEW.result, '$.pair.traits.mutual_need.mean'), json_extract(NEW.result, '$.pair.traits.respect.mean'), json_extract(NEW.result, '$.pair.traits.meeting_place.mean'),
		(SELECT group_concat(k, ' ') FROM (
			SELECT DISTINCT c.key || '/' || o.key AS k
			FROM json_each(NEW.result, '$.sides') sd, json_each(sd.value, '$.choices') c, json_each(c.value, '$.counts') o
			WHERE sd.type = 'object' AND (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0 AND 2 * o.value >= (c.value ->> '$.n')
			ORDER BY k)),
		CASE WHEN json_type(NEW.result, '$.sides.municipality') = 'object' THEN (
			SELECT json_group_object(c.key, json_object('n', c.value ->> '$.n', 'reported', json((
				SELECT json_group_array(o.key) FROM (SELECT o.key FROM json_each(c.value, '$.counts') o WHERE 2 * o.value >= (c.value ->> '$.n') ORDER BY o.key) o))))
			FROM json_each(NEW.result, '$.sides.municipality.choices') c
			WHERE (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0) END,
		CASE WHEN json_type(NEW.result, '$.sides.association') = 'object' THEN (
			SELECT json_group_object(c.key, json_object('n', c.value ->> '$.n', 'reported', json((
				SELECT json_group_array(o.key) FROM (SELECT o.key FROM json_each(c.value, '$.counts') o WHERE 2 * o.value >= (c.value ->> '$.n') ORDER BY o.key) o))))
			FROM json_each(NEW.result, '$.sides.association.choices') c
			WHERE (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0) END
	FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = NEW.round_id
	ON CONFLICT (round_id) DO UPDATE SET municipality_n = excluded.municipality_n, association_n = excluded.association_n,
		pair_step = excluded.pair_step, shared_goal = excluded.shared_goal, deliberate = excluded.deliberate, trust = excluded.trust, concrete = excluded.concrete, reciprocity = excluded.reciprocity, mutual_need = excluded.mutual_need, respect = excluded.respect, meeting_place = excluded.meeting_place, reported = excluded.reported,
		municipality_choices = excluded.municipality_choices, association_choices = excluded.association_choices;
END;
