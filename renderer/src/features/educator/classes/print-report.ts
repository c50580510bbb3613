/** While this class is on the document, a print shows the class report only (classes.css). */
export const PRINTING_CLASS_REPORT = 'printing-class-report';

const stopPrinting = () => document.documentElement.classList.remove(PRINTING_CLASS_REPORT);

/**
 * Prints the class report without the rest of the window: the tabs, the other panels and the
 * buttons are hidden for the print only, and come back once the print dialog has closed.
 */
export function printClassReport(): void {
  document.documentElement.classList.add(PRINTING_CLASS_REPORT);
  window.addEventListener('afterprint', stopPrinting, { once: true });
  window.print();
}

/** The panel went away: a print started later (Ctrl+P elsewhere) must show the whole window again. */
export function forgetClassReportPrint(): void {
  window.removeEventListener('afterprint', stopPrinting);
  stopPrinting();
}
