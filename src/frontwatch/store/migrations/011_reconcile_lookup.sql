-- A compact per-place index of the reconciliation (frontwatch.reconcile.lookup): one row per
-- place with its states and votes packed, so a one-shot `frontwatch status` reads one short row
-- (and then the few evidence rows it shows, by their position `seq` in recon_votes).
ALTER TABLE recon_votes ADD COLUMN seq BIGINT;

CREATE TABLE recon_lookup (
    place_key TEXT NOT NULL,
    sides TEXT,       -- JSON list: the side names the packed codes refer to
    voters TEXT,      -- JSON list: the voter names the packed codes refer to
    claim_ids TEXT,   -- JSON list, aligned with the packed votes
    states TEXT,      -- base64 of packed state rows (see lookup.STATE_DTYPE)
    votes TEXT        -- base64 of packed vote rows (see lookup.VOTE_DTYPE)
);

CREATE INDEX recon_lookup_place ON recon_lookup (place_key);
