-- Reconciliation results (frontwatch.reconcile): recomputed as a whole by `frontwatch reconcile`.
-- recon_places: one row per place key (a gazetteer id, or "~" + the text of an unresolved place).
CREATE TABLE recon_places (
    place_key TEXT NOT NULL,
    place_id TEXT,
    name TEXT,
    norm_name TEXT,
    text TEXT,
    anchor TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    feature TEXT,
    geo_precision INTEGER,
    parents TEXT,
    n_claims INTEGER
);

-- recon_states: who holds the place from `day` until the next row (masses as of `day`).
CREATE TABLE recon_states (
    place_key TEXT NOT NULL,
    day DATE NOT NULL,
    side TEXT,
    controller TEXT,
    top_mass DOUBLE PRECISION,
    second_mass DOUBLE PRECISION,
    contested_mass DOUBLE PRECISION,
    total_mass DOUBLE PRECISION,
    since DATE,
    n_support INTEGER,
    n_dispute INTEGER,
    contested BOOLEAN
);

-- recon_votes: every claim as it counts for a place (direct, or passed down from a larger place).
CREATE TABLE recon_votes (
    place_key TEXT NOT NULL,
    day DATE NOT NULL,
    side TEXT,
    mass DOUBLE PRECISION,
    depth INTEGER,
    claim_id TEXT,
    controller TEXT,
    change TEXT,
    modality TEXT,
    claimant TEXT,
    source TEXT,
    voter TEXT,
    url TEXT,
    field TEXT,
    comment_author TEXT,
    published DATE,
    evidence_text TEXT,
    n_denials INTEGER
);

-- recon_denials: "deny" stances that answer a claim.
CREATE TABLE recon_denials (
    claim_id TEXT NOT NULL,
    report_id TEXT,
    comment_id TEXT,
    author TEXT,
    confidence DOUBLE PRECISION,
    evidence_text TEXT
);

CREATE TABLE recon_sources (
    source TEXT NOT NULL,
    prior DOUBLE PRECISION,
    reliability DOUBLE PRECISION,
    weight DOUBLE PRECISION,
    n_claims INTEGER,
    n_scored INTEGER
);

CREATE TABLE recon_meta (
    name TEXT NOT NULL,
    value TEXT
);

CREATE INDEX recon_states_place ON recon_states (place_key, day);
CREATE INDEX recon_votes_place ON recon_votes (place_key, day);
CREATE INDEX recon_denials_claim ON recon_denials (claim_id);
