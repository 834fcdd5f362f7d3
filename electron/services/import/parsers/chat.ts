/** The chat-platform parsers: Discord (DCE JSON and CSV), Slack export zips, Telegram Desktop JSON, WhatsApp text. */
import type { Parser } from '../types';
import { discordCsvParser } from './discord-csv';
import { discordJsonParser } from './discord-json';
import { slackZipParser } from './slack-zip';
import { telegramJsonParser } from './telegram-json';
import { whatsappTxtParser } from './whatsapp-txt';

export const chatParsers: Parser[] = [discordJsonParser, discordCsvParser, slackZipParser, telegramJsonParser, whatsappTxtParser];
