-- The follow-up of execution (docs/followup.md): awards of lots to
-- companies, participants under pseudonymous identifiers, the monthly hours
-- of the companies' statements, and each lot's timeline.

-- A lot of a workspace programme awarded to a company. A lot reference is
-- awarded once across programmes, so a statement names its lot alone.
-- `clause` is the clause type whose hours are owed and `hours_proposed` the
-- rules' proposal when the lot was awarded (-1: none); a decision on that
-- clause, read when counting, comes first. Text columns hold '' rather than
-- NULL when a value is unknown.
CREATE TABLE followup_awards (
  id {{id}},
  programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  reference TEXT NOT NULL UNIQUE,
  siret TEXT NOT NULL,
  company TEXT NOT NULL,
  kind TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  hours_committed BIGINT,
  clause TEXT NOT NULL,
  hours_proposed BIGINT NOT NULL,
  pool TEXT,
  partners TEXT NOT NULL,
  awarded_at TEXT NOT NULL,
  author TEXT NOT NULL
);

-- A participant: a pseudonymous identifier (never a name), the eligibility
-- category, who validated it and when, and the attributes the indicators
-- count. `last_month` is the last month with hours (retention).
CREATE TABLE followup_participants (
  id {{id}},
  pseudonym TEXT NOT NULL UNIQUE,
  category TEXT,
  validated_on TEXT,
  validated_by TEXT,
  sex TEXT,
  age_band TEXT,
  qualification TEXT,
  qpv TEXT,
  outcome TEXT,
  last_month TEXT NOT NULL
);

-- An imported statement, known by its checksum.
CREATE TABLE followup_statements (
  id {{id}},
  sha256 TEXT NOT NULL UNIQUE,
  source_name TEXT NOT NULL,
  siret TEXT NOT NULL,
  lines INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  author TEXT NOT NULL
);

-- The hours of one participant on one lot in one month. A statement
-- replaces the lines of each (lot, month) it carries.
CREATE TABLE followup_lines (
  award_id BIGINT NOT NULL REFERENCES followup_awards (id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  participant_id BIGINT NOT NULL REFERENCES followup_participants (id) ON DELETE CASCADE,
  route TEXT NOT NULL,
  contract TEXT NOT NULL,
  employer TEXT NOT NULL,
  hours_worked DOUBLE PRECISION NOT NULL,
  hours_training DOUBLE PRECISION NOT NULL,
  statement_id BIGINT NOT NULL,
  PRIMARY KEY (award_id, month, participant_id)
);

-- The months of a lot a statement declared, with or without hours: a month
-- not declared by its deadline is late.
CREATE TABLE followup_months (
  award_id BIGINT NOT NULL REFERENCES followup_awards (id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  statement_id BIGINT NOT NULL,
  PRIMARY KEY (award_id, month)
);

-- The timeline of a lot: award, kick-off meeting, statements, reminders,
-- formal notice, penalties, final report.
CREATE TABLE followup_events (
  id {{id}},
  award_id BIGINT NOT NULL REFERENCES followup_awards (id) ON DELETE CASCADE,
  on_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  note TEXT NOT NULL,
  author TEXT NOT NULL
);

CREATE INDEX followup_lines_by_participant ON followup_lines (participant_id);
CREATE INDEX followup_events_by_award ON followup_events (award_id, id);
