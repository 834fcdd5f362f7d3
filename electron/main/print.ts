/**
 * Printing report HTML to PDF with Electron's own Chromium (webContents.printToPDF), for the
 * services process, which cannot open windows. The page is loaded in a hidden, sandboxed window
 * with JavaScript off: a report is inline CSS and SVG, and must not run anything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { writeFileAtomic } from '../services/exports';
import { countPdfPages, footerTemplate } from '../services/report/pdf-format';

/**
 * Prints `html` to `file` as A4 with page numbers; resolves with the page count.
 *
 * @example
 * await printHtmlToPdf(html, '/exports/report.pdf') // { pages: 7 }
 */
export async function printHtmlToPdf(html: string, file: string): Promise<{ pages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-report-'));
  const page = path.join(dir, 'report.html');
  fs.writeFileSync(page, html);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadFile(page);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate,
      // Inches, the same 16 mm / 14 mm margins the headless printer uses.
      margins: { top: 0.63, bottom: 0.63, left: 0.55, right: 0.55 },
    });
    writeFileAtomic(file, pdf);
    return { pages: countPdfPages(pdf) };
  } finally {
    win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
