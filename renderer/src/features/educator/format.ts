const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The time of day an answer arrived ("10:32:05"). */
export const formatTime = (d: Date): string => timeFormat.format(d);
/** Counts and means in the computer's own number style. */
export const formatNumber = (n: number): string => numberFormat.format(n);
