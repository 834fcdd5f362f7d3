/**
 * Printing a report's HTML to an A4 PDF in headless Chromium through Playwright (the CLI and the
 * browser host; the desktop app prints the same HTML with Electron's printToPDF). Charts are SVG,
 * so they stay vector in the PDF; page numbers come from Chromium's footer template.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HearthError } from '../../../shared/errors';
import type { Locale } from '../../../shared/workspace';
import { writeFileAtomic } from '../exports';
import { countPdfPages, footerTemplate } from './pdf-format';

/** Prints `html` to `file`; resolves with the page count. */
export type PdfPrinter = (html: string, file: string, options: { locale: Locale }) => Promise<{ pages: number }>;

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function chromiumPath(): string | undefined {
  const fromEnv = process.env.HEARTH_CHROMIUM;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

/**
 * A printer backed by a Chromium found on this machine (HEARTH_CHROMIUM, the usual install
 * places, or Playwright's own download).
 *
 * @example
 * await chromiumPdfPrinter(html, '/exports/report.pdf', { locale: 'zh-CN' }) // { pages: 7 }
 */
export const chromiumPdfPrinter: PdfPrinter = async (html, file, options) => {
  const { chromium } = await import('playwright-core');
  let executablePath = chromiumPath();
  if (!executablePath) {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) executablePath = bundled;
  }
  if (!executablePath) {
    throw new HearthError(
      'internal',
      'No Chromium to print the PDF with. Install Chromium or Chrome (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk) or set HEARTH_CHROMIUM; the HTML report works without it.',
      { field: 'pdf' },
    );
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ locale: options.locale });
    // The report is self-contained: nothing may be fetched while it renders.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, pdf);
    return { pages: countPdfPages(pdf) };
  } finally {
    await browser.close();
  }
};
