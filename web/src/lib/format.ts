/**
 * Numbers and dates as planners in Brazil read them (pt-BR): `.` for thousands, `,` for decimals,
 * R$, Portuguese month names, "mil"/"mi"/"bi" for compact figures. Views format; charts receive
 * these functions as props. d3's locales rather than Intl, so the text is the same in every
 * browser and in Node (Intl's compact pt-BR output differs between ICU versions).
 */
import { formatLocale } from 'd3-format';
import { timeFormatLocale } from 'd3-time-format';

const numbers = formatLocale({
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['R$ ', ''],
  minus: '−',
});
const dates = timeFormatLocale({
  dateTime: '%d/%m/%Y %H:%M:%S',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['AM', 'PM'],
  days: ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'],
  shortDays: ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
  months: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  shortMonths: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
});

const integer = numbers.format(',.0f');
const oneDecimal = numbers.format(',.1~f');
const twoDecimals = numbers.format(',.2f');
const currency = numbers.format('$,.0f');
const currencyCents = numbers.format('$,.2f');
const signedPercent = numbers.format('+.1%');
const signedPercentOne = numbers.format('+.1%');
const dayText = dates.utcFormat('%d/%m/%Y');
const shortDayText = dates.utcFormat('%d/%m');
const monthTick = dates.utcFormat('%b %Y');
const monthName = dates.utcFormat('%B de %Y');

/** Whole units with thousands separators: 92670 -> "92.670". */
export const formatCount = (value: number): string => integer(value);

/** BRL without cents: 2028437.4 -> "R$ 2.028.437". */
export const formatBrl = (value: number): string => currency(value);

/** Short figures: 950 -> "950", 12500 -> "12,5 mil", 3400000 -> "3,4 mi", 2.1e9 -> "2,1 bi". */
export function formatCompact(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e9) return `${oneDecimal(value / 1e9)} bi`;
  if (size >= 1e6) return `${oneDecimal(value / 1e6)} mi`;
  if (size >= 1e3) return `${oneDecimal(value / 1e3)} mil`;
  return integer(value);
}

/** BRL that fits a card at any width: 81905180 -> "R$ 81,9 mi". */
export const formatBrlCompact = (value: number): string => `R$ ${formatCompact(value)}`;

/** A quantity with its unit, compact: (12500, 'm') -> "12,5 mil m". */
export const formatUnits = (value: number, unit: string): string => `${formatCompact(value)} ${unit}`;

/** BRL with cents, for prices: 850.5 -> "R$ 850,50". */
export const formatBrlCents = (value: number): string => currencyCents(value);

/** A quantity to one decimal where it has one: 2.5 -> "2,5", 1234 -> "1.234". */
export const formatAmount = (value: number): string => oneDecimal(value);

/** Ratios such as MASE: 0.8734 -> "0,87". */
export const formatRatio = (value: number): string => twoDecimals(value);

/** A signed share, for bias: 0.052 -> "+5,2 %", -0.12 -> "−12,0 %"; a tiny one is "0,0 %", never "−0,0 %". */
export function formatSignedShare(value: number): string {
  const text = signedPercentOne(value).replace('%', ' %');
  return /^.0,0 %$/.test(text) ? '0,0 %' : text;
}

/** Relative change, or an em dash when there is nothing to compare with. */
export function formatChange(current: number, previous: number): string {
  if (previous === 0 || !Number.isFinite(previous)) return '—';
  return signedPercent((current - previous) / previous).replace('%', ' %');
}

/** `yyyy-mm-dd` (how queries return DATE) as a UTC midnight Date, for time scales. */
export function parseDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `yyyy-mm-dd` -> "31/12/2024"; anything else is shown as given. */
export function formatDay(iso: string): string {
  return isIsoDay(iso) ? dayText(parseDay(iso)) : iso;
}

/** `yyyy-mm-dd` -> "junho de 2024". */
export function formatMonth(iso: string): string {
  return isIsoDay(iso) ? monthName(parseDay(iso)) : iso;
}

/** Time-axis tick: "jan 2024". */
export const formatMonthTick = (date: Date): string => monthTick(date);

/** Time-axis tick for short spans: "03/06". */
export const formatDayTick = (date: Date): string => shortDayText(date);

const timestampText = new Intl.DateTimeFormat('pt-BR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** An ISO timestamp in UTC: "2026-12-03T06:13:57Z" -> "03/12/2026, 06:13 UTC"; else as given. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${timestampText.format(time)} UTC`;
}

/** A share of a whole: 0.0123 -> "1,2 %", a small non-zero share "< 0,1 %"; an em dash when the whole is zero. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0 || !Number.isFinite(whole)) return '—';
  const percent = (100 * part) / whole;
  if (percent > 0 && percent < 0.05) return '< 0,1 %';
  return `${oneDecimal(percent)} %`;
}

/** A fraction of one (WAPE, coverage, service level) as a share: 0.264 -> "26,4 %". */
export const formatFraction = (value: number): string => formatShare(value, 1);
