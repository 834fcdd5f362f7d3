import type { Migration } from './types';

/** The first cut of the data model: members and identities, activity, orders, surveys, content, incidents. */
export const migration0001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'undone')),
        counts TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        display_name TEXT NOT NULL,
        first_seen INTEGER,
        last_seen INTEGER,
        tags TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        batch_id INTEGER REFERENCES import_batch(id)
      ) STRICT;
      CREATE INDEX member_last_seen ON member(last_seen);
      CREATE INDEX member_batch ON member(batch_id);

      CREATE TABLE identity (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        handle TEXT,
        display_name TEXT,
        email TEXT,
        phone TEXT,
        batch_id INTEGER REFERENCES import_batch(id),
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX identity_member ON identity(member_id);
      CREATE INDEX identity_email ON identity(email) WHERE email IS NOT NULL;
      CREATE INDEX identity_batch ON identity(batch_id);

      CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        ts INTEGER NOT NULL,
        day INTEGER NOT NULL,
        channel TEXT,
        external_id TEXT NOT NULL,
        text TEXT,
        value REAL,
        batch_id INTEGER REFERENCES import_batch(id),
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX activity_member_ts ON activity(member_id, ts);
      CREATE INDEX activity_ts ON activity(ts);
      CREATE INDEX activity_batch ON activity(batch_id);

      CREATE TABLE "order" (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        ts INTEGER NOT NULL,
        day INTEGER NOT NULL,
        amount REAL NOT NULL,
        quantity REAL,
        status TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'cancelled')),
        batch_id INTEGER REFERENCES import_batch(id),
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX order_member_ts ON "order"(member_id, ts);
      CREATE INDEX order_ts ON "order"(ts);
      CREATE INDEX order_batch ON "order"(batch_id);

      CREATE TABLE survey_response (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        ts INTEGER NOT NULL,
        day INTEGER NOT NULL,
        score INTEGER CHECK (score BETWEEN 0 AND 10),
        answers TEXT NOT NULL DEFAULT '{}',
        batch_id INTEGER REFERENCES import_batch(id),
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX survey_response_ts ON survey_response(ts);
      CREATE INDEX survey_response_batch ON survey_response(batch_id);

      CREATE TABLE content_item (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT,
        channel TEXT,
        owner TEXT,
        campaign TEXT,
        pillar TEXT CHECK (pillar IN ('basic', 'advanced', 'cocreation')),
        format TEXT CHECK (format IN ('video', 'audio', 'text', 'activity')),
        origin TEXT CHECK (origin IN ('ugc', 'pgc')),
        status TEXT NOT NULL CHECK (status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled')),
        scheduled_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX content_item_scheduled ON content_item(scheduled_at);

      CREATE TABLE incident (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        scenario TEXT,
        colour TEXT NOT NULL CHECK (colour IN ('green', 'yellow', 'orange', 'red')),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        is_drill INTEGER NOT NULL DEFAULT 0 CHECK (is_drill IN (0, 1)),
        started_at INTEGER NOT NULL,
        closed_at INTEGER,
        summary TEXT
      ) STRICT;

      CREATE TABLE incident_event (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        ts INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_event_incident ON incident_event(incident_id, ts);
    `);
  },
};
