/**
 * What WhatsApp writes on its own: notices (encryption, security codes, settings) and membership
 * lines ("X joined using this group's invite link", "X added Y", "X left"). Android writes them
 * without a "Name:" part; iOS writes "Group: ‎X joined…", the text starting with U+200E.
 * Membership lines are recognised in English, German, Russian, Spanish, Portuguese, French and
 * Italian; anything else without a sender is skipped.
 */

export interface Membership {
  kind: 'join' | 'leave';
  /** The people who joined or left, as written. */
  subjects: string[];
}

/** The exporting user appears as "You"/"you" in system lines; they have no name there. */
const SELF = /^(?:you|du|sie|вы|tú|usted|você|vous|tu|voi|jij|u)$/i;
const LIST_SPLIT = /,\s*|\s+(?:and|und|и|y|e|et|en)\s+/;

const list = (text: string): string[] =>
  text
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !SELF.test(s));

type Rule = { re: RegExp; kind: 'join' | 'leave'; group: 1 | 2; many?: boolean };

const RULES: Rule[] = [
  // English
  { re: /^(.+?) joined using (?:this|a) (?:group|community)(?:'s|’s)? (?:invite )?link$/, kind: 'join', group: 1 },
  { re: /^(.+?) joined (?:from|via) (?:the community|an invite link)$/, kind: 'join', group: 1 },
  { re: /^(.+?) joined$/, kind: 'join', group: 1 },
  { re: /^(.+?) was added$/, kind: 'join', group: 1 },
  { re: /^(.+?) added (.+)$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) created (?:group|the group) [“"](.*)[”"]$/, kind: 'join', group: 1 },
  { re: /^(.+?) left$/, kind: 'leave', group: 1 },
  { re: /^(.+?) removed (.+)$/, kind: 'leave', group: 2, many: true },
  // German
  { re: /^(.+?) ist (?:der Gruppe )?über den Einladungslink (?:dieser Gruppe )?beigetreten$/, kind: 'join', group: 1 },
  { re: /^(.+?) hat (.+?) hinzugefügt$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) wurde hinzugefügt$/, kind: 'join', group: 1 },
  { re: /^(.+?) hat die Gruppe verlassen$/, kind: 'leave', group: 1 },
  { re: /^(.+?) hat (.+?) entfernt$/, kind: 'leave', group: 2, many: true },
  // Russian
  { re: /^(.+?) присоединил(?:ся|ась|ся\(-ась\)) к группе по ссылке-приглашению$/, kind: 'join', group: 1 },
  { re: /^(.+?) добавил(?:а|\(а\))? (.+)$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) (?:вышел|вышла|вышел\(-ла\))(?: из группы)?$/, kind: 'leave', group: 1 },
  { re: /^(.+?) удалил(?:а|\(а\))? (.+)$/, kind: 'leave', group: 2, many: true },
  // Spanish
  { re: /^(.+?) se unió (?:usando|con) el enlace de invitación de (?:este|el) grupo$/, kind: 'join', group: 1 },
  { re: /^(.+?) añadió a (.+)$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) salió(?: del grupo)?$/, kind: 'leave', group: 1 },
  { re: /^(.+?) eliminó a (.+)$/, kind: 'leave', group: 2, many: true },
  // Portuguese
  { re: /^(.+?) entrou usando o link de convite deste grupo$/, kind: 'join', group: 1 },
  { re: /^(.+?) adicionou (.+)$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) saiu$/, kind: 'leave', group: 1 },
  { re: /^(.+?) removeu (.+)$/, kind: 'leave', group: 2, many: true },
  // French
  { re: /^(.+?) a rejoint (?:ce|le) groupe (?:via|avec) le lien d['’]invitation$/, kind: 'join', group: 1 },
  { re: /^(.+?) a ajouté (.+)$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) est parti(?:e)?$/, kind: 'leave', group: 1 },
  { re: /^(.+?) a retiré (.+)$/, kind: 'leave', group: 2, many: true },
  // Italian
  { re: /^(.+?) si è unit[oa] tramite (?:il )?link d['’]invito(?: di questo gruppo)?$/, kind: 'join', group: 1 },
  { re: /^(.+?) ha aggiunto (.+)$/, kind: 'join', group: 2, many: true },
  { re: /^(.+?) è uscit[oa]$/, kind: 'leave', group: 1 },
  { re: /^(.+?) ha rimosso (.+)$/, kind: 'leave', group: 2, many: true },
];

/**
 * Who joined or left according to a system line, or null when it is another notice.
 *
 * @example
 * membership("+7 999 999-99-99 joined using this group's invite link") // { kind: 'join', subjects: ['+7 999 999-99-99'] }
 */
export function membership(text: string): Membership | null {
  const t = text.trim().replace(/\.$/, '');
  // "X changed the subject from “A added B” to …" is a rename, whatever it quotes.
  if (/ (?:changed|hat|a modifié|ha cambiado|mudou|изменил) .*[“"„«]/.test(t)) return null;
  for (const rule of RULES) {
    const m = rule.re.exec(t);
    const raw = m?.[rule.group];
    if (!raw) continue;
    const subjects = rule.many ? list(raw) : SELF.test(raw.trim()) ? [] : [raw.trim()];
    return { kind: rule.kind, subjects };
  }
  return null;
}

/**
 * Notices WhatsApp writes as if someone said them ("Group: Messages and calls are end-to-end
 * encrypted…", "Elon: Your security code with Elon changed."): never a member's message.
 */
const NOTICE =
  /^(?:Messages and calls are end-to-end encrypted|Messages (?:to this group|you send to this (?:group|chat)) are now secured with end-to-end encryption|Your security code with .+ changed|.+'s security code changed|Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt|Сообщения и звонки защищены сквозным шифрованием|Los mensajes y las llamadas están cifrados de extremo a extremo|As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta|Les messages et les appels sont chiffrés de bout en bout|I messaggi e le chiamate sono crittografati end-to-end|الرسائل والمكالمات مشفرة تمامًا|消息和通话都进行端到端加密|メッセージと通話はエンドツーエンドで暗号化されています)/;

export function isNotice(text: string): boolean {
  return NOTICE.test(text.trim());
}

/**
 * Text that stands for a file rather than something written: Android `<Media omitted>` and its
 * translations (any `<…>` placeholder), `IMG-….jpg (file attached)` and translations, iOS
 * `<attached: …>`, `image omitted`, `Bild weggelassen`, Arabic `لم يتم إدراج …`.
 */
const ATTACHMENT = [
  /^<[^<>\n]{2,60}>$/,
  /^\S[^\n]*\.[A-Za-z0-9]{2,5} \([^()\n]{3,40}\)$/,
  /^(?:[^\n]* )?<attached: [^>\n]+>$/,
  /^(?:[^\n]* )?(?:image|video|audio|sticker|GIF|document|Contact card|contact card) omitted$/i,
  /^(?:[^\n]* )?(?:Bild|Video|Audio|Sticker|GIF|Dokument|Kontaktkarte) (?:weggelassen|ausgelassen)$/,
  /^(?:[^\n]* )?(?:imagen|video|audio|sticker|GIF|documento|tarjeta de contacto) omitid[oa]$/i,
  /^(?:[^\n]* )?(?:imagem|vídeo|áudio|figurinha|GIF|documento) ocultad[oa]$/i,
  /^(?:[^\n]* )?(?:image|vidéo|audio|autocollant|GIF|document) absente?$/i,
  /^(?:[^\n]* )?(?:immagine|video|audio|sticker|GIF|documento) omess[oa]$/i,
  /^(?:[^\n]* )?(?:изображение|видео|аудио|стикер|GIF|документ) отсутствует$/i,
  /^(?:[^\n]* )?لم يتم إدراج /,
  /^تم حذف الملصقات$/,
];

export function isAttachmentOnly(text: string): boolean {
  const t = text.trim();
  return ATTACHMENT.some((re) => re.test(t));
}

/**
 * Lines iOS marks like its own notices but which stand for something a person did: a deleted
 * message, a shared location.
 */
const PERSONAL =
  /^(?:This message was deleted|You deleted this message|Diese Nachricht wurde gelöscht|Du hast diese Nachricht gelöscht|Это сообщение (?:было )?удалено|Вы удалили это сообщение|Se eliminó este mensaje|Eliminaste este mensaje|Esta mensagem foi apagada|Você apagou esta mensagem|Ce message a été supprimé|Vous avez supprimé ce message|Questo messaggio è stato eliminato|Hai eliminato questo messaggio|تم حذف هذه الرسالة|أنت حذفت هذه الرسالة|此消息已删除|你删除了此消息|(?:Location|location|Standort|Местоположение|местоположение|Ubicación|Localização|Position|Posizione|موقع): https?:)/;

export function isPersonal(text: string): boolean {
  return PERSONAL.test(text.trim());
}
