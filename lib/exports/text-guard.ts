// Spreadsheet programs run a CSV field that begins with =, +, -, @, a tab or a carriage return as
// a formula (CSV injection), quoted or not. Text from the database, e.g. a municipality named
// '=HYPERLINK("http://x";"y")', therefore gets a leading apostrophe in CSV (OWASP's advice), which
// Excel shows as text. In the workbook no guard is needed: every text is written as a string cell,
// which Excel never evaluates, so it reads back as the literal text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
