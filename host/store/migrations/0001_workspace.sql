-- The workspace: programmes, their versions, lots and evaluations, the
-- facilitator's decisions and the history of every change.
-- Shared by SQLite and PostgreSQL: {{id}} is an auto-generated 64-bit key.
-- Times are ISO 8601 UTC text ("2027-01-05T10:02:11Z"); JSON is text.

CREATE TABLE programmes (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  structure TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE versions (
  id {{id}},
  programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  source_name TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  lots INTEGER NOT NULL,
  diagnostics TEXT NOT NULL,
  own_totals INTEGER NOT NULL,
  UNIQUE (programme_id, number)
);

-- The lots of a version, in the file's order. `fingerprint` is a hash of
-- the values, to tell a changed lot at a glance; `data` the values with the
-- row's location and the consultation's totals (JSON).
CREATE TABLE lots (
  version_id BIGINT NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  reference TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (version_id, reference),
  UNIQUE (version_id, position)
);

-- An evaluation of a version's lots with a toolkit (rules, plugins, local
-- policy), known by its fingerprint.
CREATE TABLE evaluations (
  id {{id}},
  version_id BIGINT NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  rules_fingerprint TEXT NOT NULL,
  evaluated_at TEXT NOT NULL,
  as_of TEXT
);

-- The texts an evaluation repeats from lot to lot (reasons, trace entries),
-- kept once: the results below refer to them by number (store/result_json.hpp).
CREATE TABLE texts (
  evaluation_id BIGINT NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (evaluation_id, id)
);

-- The clause results of one lot in one evaluation (JSON array).
CREATE TABLE results (
  evaluation_id BIGINT NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  reference TEXT NOT NULL,
  clauses TEXT NOT NULL,
  PRIMARY KEY (evaluation_id, reference)
);

-- The decision in force per lot and clause type, across versions.
-- `lot_fingerprint` is the lot's fingerprint when it was decided.
CREATE TABLE decisions (
  programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  reference TEXT NOT NULL,
  clause TEXT NOT NULL,
  verdict TEXT,
  hours BIGINT,
  motif TEXT,
  comment TEXT,
  author TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  lot_fingerprint TEXT NOT NULL,
  PRIMARY KEY (programme_id, reference, clause)
);

-- Every change, append-only. `before` and `after` are JSON (decisions), or
-- empty; `summary` a French sentence.
CREATE TABLE history (
  id {{id}},
  programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  action TEXT NOT NULL,
  version INTEGER NOT NULL,
  reference TEXT NOT NULL,
  clause TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  summary TEXT NOT NULL
);

CREATE INDEX history_by_programme ON history (programme_id, id);
CREATE INDEX evaluations_by_version ON evaluations (version_id, id);
