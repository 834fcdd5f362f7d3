/**
 * The English catalogue. Its keys are the key set: zh-CN.ts is typed against it, so a key missing
 * in either catalogue is a compile error. Placeholders are `{name}`.
 */
export const en = {
  'app.loading': 'Loading…',
  'app.title': 'Hearth',
  'app.titleWithWorkspace': '{name} — Hearth',

  'nav.label': 'Main navigation',
  'nav.dashboard': 'Dashboard',
  'nav.members': 'Members',
  'nav.calendar': 'Calendar',
  'nav.crisis': 'Crisis',
  'nav.import': 'Import',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',

  'language.label': 'Language',
  'locale.zh-CN': '简体中文',
  'locale.en': 'English',

  'switcher.label': 'Switch workspace',
  'switcher.none': 'No workspace open',
  'switcher.recent': 'Recent workspaces',
  'switcher.noRecent': 'No recent workspaces',
  'switcher.missing': 'file missing',
  'switcher.new': 'New workspace…',
  'switcher.open': 'Open file…',
  'switcher.close': 'Close workspace',

  'welcome.title': 'Welcome to Hearth',
  'welcome.intro':
    'A workspace is one file on this computer that holds a community’s members, activity, content calendar and incidents. Create one, or open one you already have.',
  'welcome.titleSwitch': 'Workspaces',
  'welcome.introSwitch': 'Create another workspace or open a different file. The current one is closed when you switch.',

  'create.title': 'Create a workspace',
  'create.name': 'Name',
  'create.namePlaceholder': 'e.g. Coffee Club Community',
  'create.timeZone': 'Time zone',
  'create.timeZoneHint': 'Days and weeks in reports are counted in this time zone.',
  'create.currency': 'Currency',
  'create.locale': 'Workspace language',
  'create.localeHint': 'The language of reports and exports from this workspace.',
  'create.where': 'Saved as a .hearth file in {dir}',
  'create.submit': 'Create workspace',

  'open.title': 'Open a workspace file',
  'open.path': 'File path',
  'open.pathPlaceholder': '/path/to/community.hearth',
  'open.hint': 'Type the full path of a .hearth file (the browser version has no file dialog).',
  'open.submit': 'Open',

  'recent.title': 'Recent workspaces',
  'recent.empty': 'None yet. Workspaces you create or open appear here.',
  'recent.missing': 'File not found',
  'recent.forget': 'Remove from list',
  'recent.lastOpened': 'Last opened {when}',

  'timeZone.other': 'Other…',
  'timeZone.otherPlaceholder': 'IANA name, e.g. Europe/Berlin',
  'timeZone.unknown': '“{zone}” is not a time zone this computer knows.',

  'settings.title': 'Settings',
  'settings.workspace': 'Workspace',
  'settings.name': 'Name',
  'settings.file': 'Workspace file',
  'settings.path': 'Path',
  'settings.schema': 'Schema version',
  'settings.save': 'Save changes',
  'settings.saved': 'Saved.',
  'settings.interface': 'Interface',
  'settings.language': 'Interface language',
  'settings.languageHint': 'Remembered on this computer. The workspace language above only affects reports and exports.',

  'counts.title': 'What’s in this workspace',
  'counts.member': 'Members',
  'counts.identity': 'Platform identities',
  'counts.activity': 'Activities',
  'counts.order': 'Orders',
  'counts.survey_response': 'Survey answers',
  'counts.content_item': 'Content items',
  'counts.incident': 'Incidents',
  'counts.empty': 'This workspace is empty so far. Data will arrive through Import.',

  'notBuilt.badge': 'Not built yet',
  'dashboard.title': 'Dashboard',
  'dashboard.notBuilt':
    'The dashboard is not built yet. Coming: trends for active members, retention and conversion, and the changes that need your attention.',
  'members.title': 'Members',
  'members.notBuilt':
    'The members page is not built yet. Coming: one profile per person across platforms, points, tiers and churn risk.',
  'calendar.title': 'Content calendar',
  'calendar.notBuilt':
    'The content calendar is not built yet. Coming: scheduling by content pillar and channel, UGC/PGC mix targets and review steps.',
  'crisis.title': 'Crisis alerts',
  'crisis.notBuilt':
    'Crisis alerts are not built yet. Coming: keyword and anomaly monitoring, alert rules, and incidents handled with playbooks.',
  'import.title': 'Import',
  'import.notBuilt':
    'Import is not built yet. Coming: exports from Discord, Slack, Telegram, WhatsApp, Discourse and more, plus CSV/Excel orders and surveys; every import can be reviewed and undone.',
  'reports.title': 'Reports',
  'reports.notBuilt':
    'Reports are not built yet. Coming: weekly and monthly reports as PDF or HTML, plus CSV and calendar (ICS) exports.',

  'error.dismiss': 'Dismiss',
  'error.detail': 'Details: {message}',
  'error.fields': 'Please check: {fields}',
  'error.invalid_argument': 'Some of what was entered is not valid.',
  'error.not_found': 'The file or item could not be found.',
  'error.workspace_not_open': 'No workspace is open. Open or create one first.',
  'error.workspace_exists': 'A workspace file already exists there. Choose another name or open the existing file.',
  'error.workspace_too_new':
    'This workspace was created by a newer version of Hearth. Update Hearth to open it; nothing in the file was changed.',
  'error.workspace_outdated': 'This workspace uses an older format and must be opened normally once to upgrade it.',
  'error.not_a_workspace': 'This file is not a Hearth workspace.',
  'error.workspace_corrupt': 'This workspace file is damaged and cannot be opened.',
  'error.workspace_locked': 'This workspace is in use by another program. Close it there and try again.',
  'error.unknown_method': 'This version of the Hearth services does not support that action.',
  'error.import_invalid': 'The import file could not be read.',
  'error.import_cancelled': 'The import was cancelled.',
  'error.unauthorized':
    'Hearth could not connect to its services: the access token is missing or wrong. Open the address printed when Hearth started.',
  'error.internal': 'Something went wrong inside Hearth.',

  'field.name': 'name',
  'field.timeZone': 'time zone',
  'field.currency': 'currency',
  'field.locale': 'workspace language',
  'field.path': 'file path',
};

export type MessageKey = keyof typeof en;
/** A catalogue: every key of the English one, each a string. */
export type Catalogue = Record<MessageKey, string>;
