-- Results that hold up (scoring version 2).
-- The smallest group size becomes part of each round, fixed when it opens: a later change of
-- the project's setting applies only to rounds opened after it. Rounds already opened keep the
-- project's value at this migration, but never less than 3, the default respondents were told.
ALTER TABLE rounds ADD COLUMN min_group_size INTEGER NOT NULL DEFAULT 3 CHECK (min_group_size BETWEEN 1 AND 20);
UPDATE rounds SET min_group_size = max(3, (
	SELECT pr.min_group_size FROM pairs p JOIN projects pr ON pr.id = p.project_id WHERE p.id = rounds.pair_id
));

-- "Small side, open results": the sides' respondents are told before answering that results are
-- shown however few they are. Chosen when the round opens, never afterwards.
ALTER TABLE rounds ADD COLUMN open_results INTEGER NOT NULL DEFAULT 0 CHECK (open_results IN (0, 1));

-- The sides' tallies (integer sums per statement, counts of people) that the round's result is
-- computed from; result itself now holds only what may be shown. Null for rounds scored by an
-- earlier scoring version whose raw answers retention has erased.
ALTER TABLE round_results ADD COLUMN tally TEXT;

-- Stored results of earlier scoring versions are recomputed from raw answers by the app at start
-- (src/lib/server/rescore.ts), where the answers still exist; the count is logged.
