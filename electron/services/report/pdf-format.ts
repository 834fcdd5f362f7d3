/** What every PDF printer of a report shares: the page-number footer and counting pages. */

/** The footer: "page / pages", small and grey. */
export const footerTemplate =
  '<div style="width:100%;font-size:8px;color:#8a94a3;text-align:center;font-family:sans-serif">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Counts the pages of a PDF by its page objects (Chromium writes one `/Type /Page` per page).
 *
 * @example
 * countPdfPages(fs.readFileSync('report.pdf')) // 7
 */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
