import type { Migration } from './types';

/**
 * Crisis playbooks, incidents run from them, monitoring rules and the alerts they raise.
 *
 * - playbook: name, locale, colour, level and the rest of the definition as JSON (scenario,
 *   triggers, roles, steps, templates, escalation); builtin_key names the shipped default it came
 *   from. Shipped defaults are added by the services on first use, not here: a migration must
 *   not depend on the app's current resources.
 * - incident (from 0001) gains its playbook, the alert it came from, role assignees (JSON) and the
 *   post-mortem (JSON); incident_action holds the checklist copied from the playbook with due
 *   times, who ticked what and when.
 * - alert_rule / alert: alerts are keyed by rule and scope (channel and period), so a re-scan of
 *   the same days updates an alert (keeping its status) instead of duplicating it.
 * - crisis_sentiment_day and crisis_risk_day keep what scans measured per local day (negative
 *   share per channel; members at churn risk), for the board's trend and the risk-rise rule.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'crisis',
  up(db) {
    db.exec(`
      CREATE TABLE playbook (
        id INTEGER PRIMARY KEY,
        builtin_key TEXT,
        name TEXT NOT NULL,
        locale TEXT NOT NULL,
        colour TEXT NOT NULL CHECK (colour IN ('green', 'yellow', 'orange', 'red')),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        definition TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE incident ADD COLUMN playbook_id INTEGER REFERENCES playbook(id) ON DELETE SET NULL;
      ALTER TABLE incident ADD COLUMN playbook_name TEXT;
      ALTER TABLE incident ADD COLUMN alert_id INTEGER;
      ALTER TABLE incident ADD COLUMN assignees TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE incident ADD COLUMN templates TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE incident ADD COLUMN postmortem TEXT;

      CREATE TABLE incident_action (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        role TEXT NOT NULL,
        assignee TEXT,
        due_at INTEGER NOT NULL,
        done_at INTEGER,
        done_by TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX incident_action_incident ON incident_action(incident_id, position);

      CREATE TABLE alert_rule (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('sensitive_words', 'negative_share', 'volume_swing', 'complaint_burst', 'churn_risk_rise')),
        name TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        colour TEXT NOT NULL CHECK (colour IN ('green', 'yellow', 'orange', 'red')),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        params TEXT NOT NULL,
        playbook TEXT
      ) STRICT;

      CREATE TABLE alert (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER NOT NULL REFERENCES alert_rule(id) ON DELETE CASCADE,
        scope_key TEXT NOT NULL,
        name TEXT NOT NULL,
        colour TEXT NOT NULL CHECK (colour IN ('green', 'yellow', 'orange', 'red')),
        level INTEGER NOT NULL,
        channel TEXT,
        from_day TEXT NOT NULL,
        to_day TEXT NOT NULL,
        count INTEGER NOT NULL,
        value REAL,
        baseline REAL,
        detail TEXT NOT NULL,
        evidence TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        incident_id INTEGER REFERENCES incident(id) ON DELETE SET NULL,
        raised_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (rule_id, scope_key)
      ) STRICT;

      CREATE TABLE crisis_sentiment_day (
        day INTEGER NOT NULL,
        channel TEXT NOT NULL,
        messages INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        PRIMARY KEY (day, channel)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE crisis_risk_day (
        day INTEGER PRIMARY KEY,
        at_risk INTEGER NOT NULL,
        members INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
