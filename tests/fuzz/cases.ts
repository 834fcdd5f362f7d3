/**
 * Fuzz cases for every importer: the project's own fixtures (tests/fixtures/import) run through a
 * seeded mutator, plus fixed nasty inputs (zip bombs, zip slip, a 20 MB field, 100k-deep JSON,
 * empty and binary files, a folder where a file belongs, a missing path). A case id names
 * everything needed to rebuild its input: `base~mutator~seed` or `fixed~name`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import type { ImportFormat } from '../../shared/import';
import { SeededRandom, mix32 } from '../../shared/random';
import { deepJson, giantText, mutatorNamed, mutators } from './mutate';
import { type RawZipEntry, deflatedEntry, zeroBombEntry, zipBytes } from './zip';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

export interface FuzzCase {
  id: string;
  /** The format asked for; null lets Hearth detect it. */
  format: ImportFormat | null;
  onProblem: 'skip' | 'abort';
  /** Writes the input into `dir` (a fresh folder) and returns the path to import. */
  build(dir: string): Promise<string>;
  /** Table formats: a base whose unmutated file gives the column mapping to pass as `map`. */
  mapFrom?: Base;
  /** The fixed cases that must be refused (a bomb, zip slip): success is a failure. */
  mustFail?: boolean;
}

type Files = Record<string, Buffer>;

/** One valid input: a file, a zip (entries) or a folder (files). */
export interface Base {
  name: string;
  format: ImportFormat;
  kind: 'file' | 'zip' | 'dir';
  /** The file or folder name written. */
  target: string;
  load(): Promise<Files>;
}

const readFixture = (...parts: string[]): Buffer => fs.readFileSync(path.join(fixtures, ...parts));

/** Fixture text re-encoded as UTF-8, so text mutators see characters, not legacy bytes. */
function utf8Fixture(encoding: string, ...parts: string[]): Buffer {
  return Buffer.from(iconv.decode(readFixture(...parts), encoding), 'utf8');
}

function fileBase(format: ImportFormat, parts: string[], encoding = 'utf-8'): Base {
  const target = parts[parts.length - 1] ?? 'input';
  return {
    name: `${format}/${target.replace(/[^\w.-]+/g, '_')}`,
    format,
    kind: 'file',
    target,
    load: async () => ({ [target]: utf8Fixture(encoding, ...parts) }),
  };
}

/** A small Slack export, its messages taken from the WhatsApp fixture so the text is the project's own. */
function slackFiles(): Files {
  const lines = readFixture('whatsapp', 'chinese.txt').toString('utf8').split('\n').filter(Boolean);
  const users = [
    {
      id: 'U01',
      name: 'wang',
      real_name: '小王',
      profile: { display_name: '小王', real_name: '小王', email: 'wang@example.com' },
    },
    { id: 'U02', name: 'lilei', real_name: '李雷', profile: { display_name: '李雷' }, deleted: true },
    { id: 'B01', name: 'teabot', is_bot: true, profile: { display_name: 'teabot' } },
  ];
  const channels = [{ id: 'C01', name: 'general', created: 1709600000 }];
  const day = lines.map((text, i) => ({
    type: 'message',
    user: i % 2 === 0 ? 'U01' : 'U02',
    text,
    ts: `${1709622000 + i * 60}.0001${i}0`,
    ...(i === 2
      ? { thread_ts: '1709622000.000100', reactions: [{ name: 'tea', count: 2, users: ['U01', 'U02'] }] }
      : {}),
  }));
  day.push({
    type: 'message',
    user: 'U01',
    text: '<@U01> has joined the channel',
    ts: '1709621000.000000',
    subtype: 'channel_join',
  } as never);
  return {
    'users.json': Buffer.from(JSON.stringify(users, null, 2)),
    'channels.json': Buffer.from(JSON.stringify(channels, null, 2)),
    'general/2024-03-05.json': Buffer.from(JSON.stringify(day, null, 2)),
  };
}

/** An .xlsx workbook holding the rows of the activities CSV fixture. */
async function xlsxOf(csv: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const line of csv.toString('utf8').split(/\r?\n/).filter(Boolean)) sheet.addRow(line.split(','));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const bases: readonly Base[] = [
  fileBase('discord-json', ['discord', 'guild-general.json']),
  fileBase('discord-csv', ['discord', 'Hearth Test Guild - Text Channels - general [200000000000000001].csv']),
  fileBase('telegram-json', ['telegram', 'result-single.json']),
  fileBase('telegram-json', ['telegram', 'result-account.json']),
  fileBase('whatsapp-txt', ['whatsapp', 'WhatsApp Chat with Hearth Club.txt']),
  fileBase('whatsapp-txt', ['whatsapp', 'chinese.txt']),
  fileBase('whatsapp-txt', ['whatsapp', 'ios-day-first.txt']),
  fileBase('whatsapp-txt', ['whatsapp', 'arabic.txt']),
  fileBase('discourse-json', ['discourse', 'posts.json']),
  fileBase('discourse-json', ['discourse', 'topic.json']),
  fileBase('discourse-json', ['discourse', 'directory.json']),
  fileBase('csv', ['tables', 'activities.csv']),
  fileBase('csv', ['tables', 'members-semicolon.csv']),
  fileBase('orders-csv', ['tables', 'orders-bom.csv']),
  fileBase('orders-csv', ['tables', 'orders-gbk.csv'], 'gb18030'),
  fileBase('orders-csv', ['tables', 'cdnow-style.txt']),
  fileBase('survey-csv', ['tables', 'survey-utf16.txt'], 'utf-16le'),
  {
    name: 'stackexchange-xml/site',
    format: 'stackexchange-xml',
    kind: 'dir',
    target: 'site',
    load: async () =>
      Object.fromEntries(
        ['Users.xml', 'Posts.xml', 'Comments.xml', 'Votes.xml', 'Badges.xml'].map((f) => [
          f,
          readFixture('stackexchange', 'site', f),
        ]),
      ),
  },
  {
    name: 'slack-zip/export',
    format: 'slack-zip',
    kind: 'zip',
    target: 'slack-export.zip',
    load: async () => slackFiles(),
  },
  {
    name: 'xlsx/activities',
    format: 'xlsx',
    kind: 'file',
    target: 'activities.xlsx',
    load: async () => ({ 'activities.xlsx': await xlsxOf(readFixture('tables', 'activities.csv')) }),
  },
  // The same workbook unpacked: one part (sheet XML, shared strings, workbook…) mutated, re-zipped.
  {
    name: 'xlsx/activities-parts',
    format: 'xlsx',
    kind: 'zip',
    target: 'activities-parts.xlsx',
    load: async () => unzipAll(await xlsxOf(readFixture('tables', 'activities.csv'))),
  },
];

/** Every file entry of a zip, by name. */
function unzipAll(zip: Buffer): Promise<Files> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error !== null) return reject(error);
      const files: Files = {};
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return file.readEntry();
        file.openReadStream(entry, (err, stream) => {
          if (err !== null) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(chunks);
            file.readEntry();
          });
          stream.on('error', reject);
        });
      });
      file.on('end', () => resolve(files));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

const TABLE_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'orders-csv', 'survey-csv'];

function baseNamed(name: string): Base {
  const base = bases.find((b) => b.name === name);
  if (!base) throw new Error(`no fuzz base ${name}`);
  return base;
}

/** Writes `files` as the base's kind under `dir`; returns the path to import. */
export async function writeInput(dir: string, base: Base, files: Files, zipEntries?: RawZipEntry[]): Promise<string> {
  const target = path.join(dir, base.target);
  if (base.kind === 'dir') {
    fs.mkdirSync(target, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(target, name), bytes);
  } else if (base.kind === 'zip') {
    fs.writeFileSync(
      target,
      zipBytes(zipEntries ?? Object.entries(files).map(([name, bytes]) => deflatedEntry(name, bytes))),
    );
  } else {
    fs.writeFileSync(target, Object.values(files)[0] ?? Buffer.alloc(0));
  }
  return target;
}

/**
 * The mutated case `base~mutator~seed`. Zips and folders get one member file mutated, or (a
 * third of the time for zips) the archive bytes themselves.
 *
 * @example
 * mutatedCase('discord-json/guild-general.json', 'truncate', 42).id // 'discord-json/guild-general.json~truncate~42'
 */
export function mutatedCase(baseName: string, mutatorName: string, seed: number): FuzzCase {
  const base = baseNamed(baseName);
  const mutator = mutatorNamed(mutatorName);
  const plan = new SeededRandom(seed);
  const format = plan.chance(0.2) ? null : base.format;
  const onProblem = plan.chance(0.5) ? 'skip' : 'abort';
  const wholeZip = base.kind === 'zip' && plan.chance(0.33);
  const memberPick = plan.next();
  return {
    id: `${base.name}~${mutator.name}~${seed}`,
    format,
    onProblem,
    ...(TABLE_FORMATS.includes(base.format) ? { mapFrom: base } : {}),
    async build(dir) {
      const random = new SeededRandom(mix32(seed) + 1);
      const files = await base.load();
      const names = Object.keys(files);
      if (wholeZip) {
        const target = await writeInput(dir, base, files);
        fs.writeFileSync(target, mutator.apply(fs.readFileSync(target), random));
        return target;
      }
      const name = names[Math.floor(memberPick * names.length)] ?? names[0] ?? '';
      files[name] = mutator.apply(files[name] ?? Buffer.alloc(0), random);
      return writeInput(dir, base, files);
    },
  };
}

const MIB = 1024 * 1024;

function fixedFile(
  name: string,
  format: ImportFormat | null,
  target: string,
  bytes: () => Buffer,
  extra: Partial<FuzzCase> = {},
): FuzzCase {
  return {
    id: `fixed~${name}`,
    format,
    onProblem: 'skip',
    async build(dir) {
      const file = path.join(dir, target);
      fs.writeFileSync(file, bytes());
      return file;
    },
    ...extra,
  };
}

function fixedZip(
  name: string,
  format: ImportFormat,
  target: string,
  entries: () => RawZipEntry[],
  mustFail = true,
): FuzzCase {
  return {
    id: `fixed~${name}`,
    format,
    onProblem: 'skip',
    mustFail,
    async build(dir) {
      const file = path.join(dir, target);
      fs.writeFileSync(file, zipBytes(entries()));
      return file;
    },
  };
}

const slackWith = (extra: RawZipEntry[], drop: string[] = []): RawZipEntry[] => [
  ...Object.entries(slackFiles())
    .filter(([n]) => !drop.includes(n))
    .map(([n, b]) => deflatedEntry(n, b)),
  ...extra,
];

const seFiles = (): RawZipEntry[] =>
  ['Users.xml', 'Posts.xml', 'Comments.xml'].map((f) => deflatedEntry(f, readFixture('stackexchange', 'site', f)));

/** A JSON fixture with one string value swapped for `value` (raw JSON text). */
function jsonWith(parts: string[], key: string, value: string): Buffer {
  const text = readFixture(...parts).toString('utf8');
  const re = new RegExp(`("${key}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`);
  if (!re.test(text)) throw new Error(`fixture ${parts.join('/')} has no string "${key}"`);
  return Buffer.from(text.replace(re, (_m, head: string) => head + value));
}

function garbage(seed: number, n: number): Buffer {
  const random = new SeededRandom(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = random.int(0, 255);
  return out;
}

/** The fixed nasty cases, each a known way an export goes wrong or an archive attacks. */
export function fixedCases(): FuzzCase[] {
  const gb = 1024; // MiB
  const cases: FuzzCase[] = [
    // Zip bombs: 1 GiB of zeros in ~1 MiB, honest headers (ratio check) and lying ones (size check).
    fixedZip('slack-bomb-1gib', 'slack-zip', 'bomb.zip', () =>
      slackWith([zeroBombEntry('general/2024-03-06.json', gb)]),
    ),
    fixedZip('slack-bomb-lying-size', 'slack-zip', 'bomb-lying.zip', () =>
      slackWith([zeroBombEntry('users.json', gb, 1000)], ['users.json']),
    ),
    fixedZip('stackexchange-bomb-1gib', 'stackexchange-xml', 'se-bomb.zip', () => [
      ...seFiles(),
      zeroBombEntry('Votes.xml', gb),
    ]),
    fixedZip('xlsx-bomb-1gib', 'xlsx', 'bomb.xlsx', () => [
      deflatedEntry(
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      zeroBombEntry('xl/worksheets/sheet1.xml', gb),
    ]),
    // Zip slip: every way an entry can point outside the folder it would be unpacked into.
    fixedZip('slack-traversal-dotdot', 'slack-zip', 'slip1.zip', () =>
      slackWith([deflatedEntry('../../evil.json', '[]')]),
    ),
    fixedZip('slack-traversal-absolute', 'slack-zip', 'slip2.zip', () =>
      slackWith([deflatedEntry('/abs/path/2024-03-05.json', '[]')]),
    ),
    fixedZip('slack-traversal-drive', 'slack-zip', 'slip3.zip', () =>
      slackWith([deflatedEntry('C:\\x\\2024-03-05.json', '[]')]),
    ),
    fixedZip('slack-traversal-inner', 'slack-zip', 'slip4.zip', () =>
      slackWith([deflatedEntry('general/../../../2024-03-07.json', '[]')]),
    ),
    fixedZip('slack-traversal-backslash', 'slack-zip', 'slip5.zip', () =>
      slackWith([deflatedEntry('general\\..\\..\\2024-03-07.json', '[]')]),
    ),
    fixedZip('stackexchange-traversal', 'stackexchange-xml', 'se-slip.zip', () => [
      ...seFiles(),
      deflatedEntry('../../Votes.xml', '<votes/>'),
    ]),
    // 20 MB in one field.
    fixedFile('discord-20mb-content', 'discord-json', 'giant.json', () =>
      jsonWith(['discord', 'guild-general.json'], 'content', JSON.stringify(giantText(20 * MIB))),
    ),
    fixedFile('telegram-20mb-text', 'telegram-json', 'giant.json', () =>
      jsonWith(['telegram', 'result-single.json'], 'text', JSON.stringify(giantText(20 * MIB))),
    ),
    fixedFile('discourse-20mb-raw', 'discourse-json', 'giant.json', () =>
      jsonWith(['discourse', 'posts.json'], 'cooked', JSON.stringify(giantText(20 * MIB))),
    ),
    fixedFile('whatsapp-20mb-message', 'whatsapp-txt', 'giant.txt', () =>
      Buffer.concat([readFixture('whatsapp', 'chinese.txt'), Buffer.from(giantText(20 * MIB)), Buffer.from('\n')]),
    ),
    fixedFile('whatsapp-20mb-no-newline', null, 'one-line.txt', () => Buffer.from(giantText(20 * MIB))),
    fixedFile('csv-20mb-cell', 'orders-csv', 'giant.csv', () =>
      Buffer.from(
        `Order ID,Customer ID,Order Date,Total\nA-1,C01,2024-03-01 09:30,12\nA-2,C02,2024-03-02 09:30,"${giantText(20 * MIB)}"\n`,
      ),
    ),
    fixedFile('csv-20mb-unquoted-cell', 'csv', 'giant-plain.csv', () =>
      Buffer.from(`uid,昵称\nw1,${giantText(20 * MIB).replace(/[,\n]/g, ' ')}\n`),
    ),
    {
      id: 'fixed~slack-20mb-message',
      format: 'slack-zip',
      onProblem: 'skip',
      async build(dir) {
        const file = path.join(dir, 'giant-slack.zip');
        const message = [
          { type: 'message', user: 'U01', text: giantText(20 * MIB, new SeededRandom(20)), ts: '1709700000.000100' },
        ];
        fs.writeFileSync(
          file,
          zipBytes(slackWith([deflatedEntry('general/2024-03-06.json', JSON.stringify(message))])),
        );
        return file;
      },
    },
    // 100,000 levels of nesting, where a string belongs and as the whole document.
    fixedFile('discord-nest-100k', 'discord-json', 'deep.json', () =>
      jsonWith(['discord', 'guild-general.json'], 'content', deepJson(100_000)),
    ),
    fixedFile('telegram-nest-100k', 'telegram-json', 'deep.json', () =>
      jsonWith(['telegram', 'result-single.json'], 'text', deepJson(100_000)),
    ),
    fixedFile('discourse-nest-100k', 'discourse-json', 'deep.json', () =>
      jsonWith(['discourse', 'posts.json'], 'cooked', deepJson(100_000)),
    ),
    fixedFile('json-nest-100k-detect', null, 'deep-only.json', () => Buffer.from(deepJson(100_000))),
    {
      id: 'fixed~slack-nest-100k',
      format: 'slack-zip',
      onProblem: 'skip',
      async build(dir) {
        const file = path.join(dir, 'deep-slack.zip');
        fs.writeFileSync(file, zipBytes(slackWith([deflatedEntry('users.json', deepJson(100_000))], ['users.json'])));
        return file;
      },
    },
    fixedFile('xml-nest-100k', null, 'Posts.xml', () =>
      Buffer.from(`<?xml version="1.0"?><posts>${'<row>'.repeat(100_000)}</posts>`),
    ),
    // A folder where a file belongs, and a path that is not there.
    ...(['discord-json', 'csv', 'slack-zip', 'whatsapp-txt', null] as const).map((format): FuzzCase => ({
      id: `fixed~directory-as-${format ?? 'auto'}`,
      format,
      onProblem: 'skip',
      async build(dir) {
        const folder = path.join(dir, 'a-folder.json');
        fs.mkdirSync(folder);
        fs.writeFileSync(path.join(folder, 'inside.txt'), 'hello');
        return folder;
      },
    })),
    {
      id: 'fixed~missing-file',
      format: 'discord-json',
      onProblem: 'skip',
      mustFail: true,
      build: async (dir) => path.join(dir, 'no-such-export.json'),
    },
    {
      id: 'fixed~missing-file-auto',
      format: null,
      onProblem: 'skip',
      mustFail: true,
      build: async (dir) => path.join(dir, 'gone.csv'),
    },
  ];
  // Empty and binary garbage, for every format and for detection.
  for (const format of [...new Set(bases.map((b) => b.format)), null]) {
    const label = format ?? 'auto';
    cases.push(fixedFile(`empty-${label}`, format, `empty-${label}.dat`, () => Buffer.alloc(0)));
    cases.push(
      fixedFile(`garbage-${label}`, format, `garbage-${label}.dat`, () => garbage(mix32(label.length + 7), 64 * 1024)),
    );
  }
  return cases;
}

/**
 * `count` mutated cases for `seed`: bases in turn, mutators rotating against them, so even a
 * short run touches every format and every mutator.
 *
 * @example
 * mutatedCases(60, 1).length // 60
 */
export function mutatedCases(count: number, seed: number, only?: (base: Base) => boolean): FuzzCase[] {
  const chosen = only ? bases.filter(only) : bases;
  const out: FuzzCase[] = [];
  for (let i = 0; i < count && chosen.length > 0; i++) {
    const base = chosen[i % chosen.length] as Base;
    const mutator = mutators[(i + Math.floor(i / chosen.length) * 3) % mutators.length] ?? mutators[0];
    out.push(mutatedCase(base.name, mutator?.name ?? 'truncate', mix32(seed * 100_003 + i + 1)));
  }
  return out;
}

/** The case with this id, mutated or fixed, for replaying a failure. */
export function caseById(id: string): FuzzCase {
  if (id.startsWith('fixed~')) {
    const found = fixedCases().find((c) => c.id === id);
    if (!found) throw new Error(`no fixed case ${id}`);
    return found;
  }
  const [base, mutator, seed] = id.split('~');
  if (base === undefined || mutator === undefined || seed === undefined) throw new Error(`bad case id ${id}`);
  return mutatedCase(base, mutator, Number(seed));
}
