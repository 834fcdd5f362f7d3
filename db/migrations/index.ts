/**
 * The explicit, ordered list of migrations. Bundled apps cannot scan folders, and each entry is
 * frozen once released: fix mistakes with a new migration, never by editing an old one.
 */
import { migration0001 } from './0001_core';
import { migration0002 } from './0002_daily_rollups';
import { migration0003 } from './0003_import_and_merge';
import { migration0004 } from './0004_members_engine';
import { migration0005 } from './0005_kpi_cache';
import { migration0006 } from './0006_member_labels';
import { migration0007 } from './0007_kpi_goals';
import { migration0008 } from './0008_kpi_rollups';
import { migration0009 } from './0009_kpi_advocacy_sources';
import { migration0010 } from './0010_content_calendar';
import { migration0011 } from './0011_crisis';
import { migration0012 } from './0012_member_totals';
import { migration0013 } from './0013_member_score_last_seen';
import { migration0014 } from './0014_activity_replies';
import { migration0015 } from './0015_member_score_signature';
import { migration0016 } from './0016_member_unsorted';
import { migration0017 } from './0017_tier_history_values';
import { migration0018 } from './0018_activity_mentions';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018];

/** The schema version this build of Hearth writes. */
export const latestSchemaVersion: number = migrations.length;
