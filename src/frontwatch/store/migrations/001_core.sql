-- The core tables: one row per report, its comments, and each kind of annotation.
-- Portable SQL (DuckDB and PostgreSQL): TEXT, INTEGER, BIGINT, DOUBLE PRECISION, DATE,
-- TIMESTAMP, BOOLEAN; JSON is kept as TEXT. Character offsets are start_char/end_char
-- ("end" is reserved in PostgreSQL). Child rows are keyed by (report_id, idx) where idx is
-- the annotation's index in its list on the Report, so "claim:3" points at claims.idx = 3.

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    source TEXT,
    url TEXT,
    title TEXT,
    published DATE,
    language TEXT,
    path TEXT,
    body TEXT,
    n_comments INTEGER,
    content_hash TEXT,
    annotations_hash TEXT,
    meta TEXT,
    doc TEXT,
    ingested_at TIMESTAMP,
    updated_at TIMESTAMP
);

CREATE TABLE comments (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    author TEXT,
    posted TEXT,
    parent TEXT,
    language TEXT,
    split_confidence DOUBLE PRECISION,
    source_offset INTEGER,
    text TEXT
);

CREATE TABLE place_mentions (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    field TEXT,
    comment_author TEXT,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    kind TEXT,
    resolved BOOLEAN,
    place_id TEXT,
    place_name TEXT,
    feature TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    geonameid BIGINT,
    place_parents TEXT,
    geo_precision INTEGER,
    relation TEXT,
    anchor_id TEXT,
    anchor_name TEXT,
    parent_id TEXT,
    parent_name TEXT,
    approximate BOOLEAN
);

CREATE TABLE events (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    field TEXT,
    comment_author TEXT,
    type TEXT,
    sub_type TEXT,
    plover TEXT,
    plover_mode TEXT,
    actor1 TEXT,
    actor1_id TEXT,
    actor1_inter INTEGER,
    actor1_side TEXT,
    actor1_text TEXT,
    actor2 TEXT,
    actor2_id TEXT,
    actor2_inter INTEGER,
    actor2_side TEXT,
    actor2_text TEXT,
    assoc_actors TEXT,
    place_id TEXT,
    place_name TEXT,
    place_text TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    geo_precision INTEGER,
    event_date DATE,
    date_text TEXT,
    time_precision INTEGER,
    fatalities INTEGER,
    modality TEXT,
    claimant TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT
);

CREATE TABLE claims (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    field TEXT,
    comment_author TEXT,
    place_id TEXT,
    place_name TEXT,
    place_text TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    place_parents TEXT,
    geo_precision INTEGER,
    relation TEXT,
    anchor_name TEXT,
    controller TEXT,
    previous_controller TEXT,
    change TEXT,
    as_of DATE,
    as_of_precision INTEGER,
    as_of_text TEXT,
    modality TEXT,
    claimant TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT
);

CREATE TABLE stances (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    comment_id TEXT,
    author TEXT,
    label TEXT,
    target TEXT,
    target_claim TEXT,
    confidence DOUBLE PRECISION,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT
);

CREATE TABLE sources (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    comment_id TEXT,
    author TEXT,
    kind TEXT,
    name TEXT,
    url TEXT,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT
);

CREATE TABLE flags (
    report_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    comment_id TEXT,
    author TEXT,
    category TEXT,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    score DOUBLE PRECISION,
    rationale TEXT,
    target_group TEXT
);
