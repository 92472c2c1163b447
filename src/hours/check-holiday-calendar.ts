/**
 * Checks a page-given holiday calendar. Its own module: only pages that set `holidays` load it.
 */
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Problems with a page-given calendar, as messages (empty when it is fine): the element reports
 * them as an error event while using the valid dates.
 *
 * @example checkHolidayCalendar({ holidays: ['2027-1-1'], workdays: [] }) // → ['holidays: "2027-1-1" is not an ISO date (YYYY-MM-DD)']
 */
export function checkHolidayCalendar(calendar: unknown): string[] {
  if (calendar === null || calendar === undefined) return [];
  if (typeof calendar !== 'object') return ['holidays must be an object { holidays: string[], workdays: string[] }'];
  const problems: string[] = [];
  for (const key of ['holidays', 'workdays'] as const) {
    const dates = (calendar as Record<string, unknown>)[key];
    if (dates === undefined) continue;
    if (!Array.isArray(dates)) problems.push(`${key} must be an array of ISO dates`);
    else for (const date of dates) if (typeof date !== 'string' || !ISO_DATE.test(date)) problems.push(`${key}: ${JSON.stringify(date)} is not an ISO date (YYYY-MM-DD)`);
  }
  return problems;
}
