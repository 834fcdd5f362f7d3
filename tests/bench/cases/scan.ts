/**
 * Crisis monitoring at scale: a scan of every message in the demo workspace's history against a
 * 5,000-word lexicon (the starter list plus generated Chinese and English words, so the automaton
 * is the size the issue names), with sentiment scoring, complaint cues and every alert rule. The
 * baseline is reading the same rows and doing nothing with them: the ratio says how much of the
 * scan's time is the matching itself.
 */
import { replaceSensitiveWords } from '../../../db/queries/calendar';
import { openWorkspaceFile } from '../../../db/open';
import { ensureCrisisDefaults } from '../../../electron/services/crisis/defaults';
import { runScan } from '../../../electron/services/crisis/scan';
import type { SensitiveWord } from '../../../shared/calendar';
import { starterSensitiveWords } from '../../../shared/crisis/defaults';
import { SeededRandom } from '../../../shared/random';
import { dayResolver, dayToIso } from '../../../shared/time';
import { DEMO_NOW, DEMO_TZ, demoWorkspaceFile } from '../demo-workspace';
import { type BenchCase, result } from '../types';

const LEXICON_SIZE = 5000;
const CJK =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持头';

/** A deterministic lexicon of `size` words: the starter list, then generated CJK and Latin words. */
function benchLexicon(size: number): SensitiveWord[] {
  const random = new SeededRandom(5000);
  const words = new Map<string, SensitiveWord>(starterSensitiveWords.map((w) => [w.word, w]));
  while (words.size < size) {
    if (random.chance(0.7)) {
      const length = random.int(2, 4);
      let word = '';
      for (let i = 0; i < length; i += 1) word += CJK[random.int(0, CJK.length - 1)];
      words.set(word, { word, category: 'generated-zh' });
    } else {
      const length = random.int(4, 9);
      let word = '';
      for (let i = 0; i < length; i += 1) word += String.fromCharCode(97 + random.int(0, 25));
      words.set(word, { word, category: 'generated-en' });
    }
  }
  return [...words.values()];
}

export const crisisScan: BenchCase = {
  name: 'scan',
  description:
    'crisis scan of every message vs a 5,000-word lexicon + sentiment + all rules; baseline: reading the same rows',
  async run({ members, sharedDir, log }) {
    const file = await demoWorkspaceFile(sharedDir, members, log, 'scan');
    const ws = openWorkspaceFile(file);
    try {
      const sqlite = ws.sqlite;
      ensureCrisisDefaults(sqlite, 'zh-CN', DEMO_NOW);
      const lexicon = benchLexicon(LEXICON_SIZE);
      replaceSensitiveWords(sqlite, lexicon);
      const bounds = sqlite
        .prepare<[], { lo: number; hi: number }>('SELECT min(ts) AS lo, max(ts) AS hi FROM activity')
        .get();
      const dayOf = dayResolver(DEMO_TZ);
      const from = dayToIso(dayOf(bounds?.lo ?? DEMO_NOW));
      const to = dayToIso(dayOf(bounds?.hi ?? DEMO_NOW));

      let started = performance.now();
      let rows = 0;
      const read = sqlite
        .prepare("SELECT id, member_id, channel, ts, day, text FROM activity WHERE text IS NOT NULL AND text <> ''")
        .raw(true);
      for (const _row of read.iterate()) rows += 1;
      const readSeconds = (performance.now() - started) / 1000;

      started = performance.now();
      const scan = runScan(sqlite, {
        from,
        to,
        timeZone: DEMO_TZ,
        now: DEMO_NOW,
        today: to,
        onProgress: (n) => log(`scan: ${n.toLocaleString('en-US')} messages…`),
      });
      const scanSeconds = (performance.now() - started) / 1000;
      log(
        `scan: ${scan.messages.toLocaleString('en-US')} messages in ${scanSeconds.toFixed(1)} s with ${lexicon.length} words ` +
          `(${scan.alertIds.length} alerts); reading them alone ${readSeconds.toFixed(1)} s`,
      );
      return [
        result('scan.messages_per_s', scan.messages / scanSeconds, 'msg/s', rows / readSeconds),
        result('scan.messages', scan.messages, 'messages', null),
      ];
    } finally {
      await ws.close();
    }
  },
};
