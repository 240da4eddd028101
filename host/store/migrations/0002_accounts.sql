-- Accounts (docs/accounts.md): users of a structure (the tenant) with a role,
-- their server-side sessions and API tokens, and the audit trail.
-- Shared by SQLite and PostgreSQL: {{id}} is an auto-generated 64-bit key.
-- Session ids and API tokens are never stored: only their BLAKE2b hash (hex).
-- Expiry times are Unix seconds; other times ISO 8601 UTC text.

CREATE TABLE users (
  id {{id}},
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  structure TEXT NOT NULL,
  siret TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);

-- Append-only: logins, failed logins, user changes, decisions, statements.
-- `structure` is the tenant the entry belongs to (empty: none known, such as a
-- failed login for an unknown user).
CREATE TABLE audit (
  id {{id}},
  at TEXT NOT NULL,
  structure TEXT NOT NULL,
  author TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  address TEXT NOT NULL
);

CREATE INDEX audit_by_structure ON audit (structure, id);
