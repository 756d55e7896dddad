-- What each pair reports doing together and bringing (the choice questions), kept beside the
-- other summaries, so that counting it across a big project reads a short text per pair instead
-- of each round's whole result. A pair reports an option when at least half of one side's
-- respondents ticked it (report.ts: `reports`), and never from a withheld side (its counts are
-- not stored). Stored as the options' "item/option" keys, separated by spaces, in order.
ALTER TABLE round_summaries ADD COLUMN reported TEXT;

UPDATE round_summaries SET reported = (
	SELECT (SELECT group_concat(k, ' ') FROM (
			SELECT DISTINCT c.key || '/' || o.key AS k
			FROM json_each(rr.result, '$.sides') sd, json_each(sd.value, '$.choices') c, json_each(c.value, '$.counts') o
			WHERE sd.type = 'object' AND (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0 AND 2 * o.value >= (c.value ->> '$.n')
			ORDER BY k))
	FROM round_results rr WHERE rr.round_id = round_summaries.round_id
);

DROP TRIGGER round_summaries_from_insert;
DROP TRIGGER round_summaries_from_update;

CREATE TRIGGER round_summaries_from_insert AFTER INSERT ON round_results BEGIN
	INSERT INTO round_summaries (round_id, project_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place, reported)
	SELECT NEW.round_id, p.project_id, r.number, NEW.municipality_n, NEW.association_n, NEW.pair_step, json_extract(NEW.result, '$.pair.traits.shared_goal.mean'), json_extract(NEW.result, '$.pair.traits.deliberate.mean'), json_extract(NEW.result, '$.pair.traits.trust.mean'), json_extract(NEW.result, '$.pair.traits.concrete.mean'), json_extract(NEW.result, '$.pair.traits.reciprocity.mean'), json_extract(NEW.result, '$.pair.traits.mutual_need.mean'), json_extract(NEW.result, '$.pair.traits.respect.mean'), json_extract(NEW.result, '$.pair.traits.meeting_place.mean'),
		(SELECT group_concat(k, ' ') FROM (
			SELECT DISTINCT c.key || '/' || o.key AS k
			FROM json_each(NEW.result, '$.sides') sd, json_each(sd.value, '$.choices') c, json_each(c.value, '$.counts') o
			WHERE sd.type = 'object' AND (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0 AND 2 * o.value >= (c.value ->> '$.n')
			ORDER BY k))
	FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = NEW.round_id
	ON CONFLICT (round_id) DO UPDATE SET municipality_n = excluded.municipality_n, association_n = excluded.association_n,
		pair_step = excluded.pair_step, shared_goal = excluded.shared_goal, deliberate = excluded.deliberate, trust = excluded.trust, concrete = excluded.concrete, reciprocity = excluded.reciprocity, mutual_need = excluded.mutual_need, respect = excluded.respect, meeting_place = excluded.meeting_place, reported = excluded.reported;
END;

CREATE TRIGGER round_summaries_from_update AFTER UPDATE ON round_results BEGIN
	INSERT INTO round_summaries (round_id, project_id, number, municipality_n, association_n, pair_step, shared_goal, deliberate, trust, concrete, reciprocity, mutual_need, respect, meeting_place, reported)
	SELECT NEW.round_id, p.project_id, r.number, NEW.municipality_n, NEW.association_n, NEW.pair_step, json_extract(NEW.result, '$.pair.traits.shared_goal.mean'), json_extract(NEW.result, '$.pair.traits.deliberate.mean'), json_extract(NEW.result, '$.pair.traits.trust.mean'), json_extract(NEW.result, '$.pair.traits.concrete.mean'), json_extract(NEW.result, '$.pair.traits.reciprocity.mean'), json_extract(NEW.result, '$.pair.traits.mutual_need.mean'), json_extract(NEW.result, '$.pair.traits.respect.mean'), json_extract(NEW.result, '$.pair.traits.meeting_place.mean'),
		(SELECT group_concat(k, ' ') FROM (
			SELECT DISTINCT c.key || '/' || o.key AS k
			FROM json_each(NEW.result, '$.sides') sd, json_each(sd.value, '$.choices') c, json_each(c.value, '$.counts') o
			WHERE sd.type = 'object' AND (c.value ->> '$.withheld') IS NOT 1 AND (c.value ->> '$.n') > 0 AND 2 * o.value >= (c.value ->> '$.n')
			ORDER BY k))
	FROM rounds r JOIN pairs p ON p.id = r.pair_id WHERE r.id = NEW.round_id
	ON CONFLICT (round_id) DO UPDATE SET municipality_n = excluded.municipality_n, association_n = excluded.association_n,
		pair_step = excluded.pair_step, shared_goal = excluded.shared_goal, deliberate = excluded.deliberate, trust = excluded.trust, concrete = excluded.concrete, reciprocity = excluded.reciprocity, mutual_need = excluded.mutual_need, respect = excluded.respect, meeting_place = excluded.meeting_place, reported = excluded.reported;
END;
