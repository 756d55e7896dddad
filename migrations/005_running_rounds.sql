-- Running a round: resume links stored hashed, paper responses, and a limit on starting responses.

-- Resume links are bearer secrets like sessions: keep only their SHA-256 (hex, as hashToken makes it).
-- sha256_hex() is registered by the migration runner; existing drafts keep working, because the
-- app hashes the link it is given and looks the hash up.
UPDATE responses SET resume_token = sha256_hex(resume_token);
ALTER TABLE responses RENAME COLUMN resume_token TO resume_token_hash;

-- A response a project worker keyed in from a paper form; who keyed it is in the audit log.
ALTER TABLE responses ADD COLUMN entered_on_paper INTEGER NOT NULL DEFAULT 0 CHECK (entered_on_paper IN (0, 1));

-- Responses started per invitation link, and per address on a link, in the current hour.
CREATE TABLE start_limits (
	key TEXT PRIMARY KEY,
	window_start TEXT NOT NULL,
	starts INTEGER NOT NULL
) WITHOUT ROWID;
