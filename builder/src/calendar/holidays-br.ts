/**
 * Brazilian national holidays (feriados nacionais) for a year.
 * Sources: Lei 662/1949 and Lei 10.607/2002 (fixed civil holidays), Lei 6.802/1980 (12 October),
 * Lei 14.759/2023 (20 November, national from 2024 on). Good Friday follows Easter and is listed as a
 * national holiday in the federal government's yearly calendar. Carnival, Ash Wednesday and Corpus
 * Christi are "pontos facultativos" (optional days), not holidays, so they are not listed.
 */

import { toIsoDate } from './dates.ts';

export interface Holiday {
  /** ISO yyyy-mm-dd. */
  date: string;
  name: string;
}

const fixedHolidays: readonly { month: number; day: number; name: string; fromYear?: number }[] = [
  { month: 1, day: 1, name: 'Confraternização Universal' },
  { month: 4, day: 21, name: 'Tiradentes' },
  { month: 5, day: 1, name: 'Dia do Trabalho' },
  { month: 9, day: 7, name: 'Independência do Brasil' },
  { month: 10, day: 12, name: 'Nossa Senhora Aparecida' },
  { month: 11, day: 2, name: 'Finados' },
  { month: 11, day: 15, name: 'Proclamação da República' },
  { month: 11, day: 20, name: 'Dia Nacional de Zumbi e da Consciência Negra', fromYear: 2024 },
  { month: 12, day: 25, name: 'Natal' },
];

/** Easter Sunday (Gregorian), by the anonymous Meeus/Jones/Butcher algorithm. Returns a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** One entry per day: Good Friday can fall on 21 April (Tiradentes), as in 2079. */
function mergeSameDay(holidays: readonly Holiday[]): Holiday[] {
  const byDate = new Map<string, string[]>();
  for (const holiday of holidays)
    byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday.name]);
  return [...byDate]
    .map(([date, names]) => ({ date, name: names.join(' / ') }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function brazilNationalHolidays(year: number): Holiday[] {
  const goodFriday = easterSunday(year);
  goodFriday.setUTCDate(goodFriday.getUTCDate() - 2);
  const holidays = fixedHolidays
    .filter((holiday) => holiday.fromYear === undefined || year >= holiday.fromYear)
    .map((holiday) => ({
      date: toIsoDate(new Date(Date.UTC(year, holiday.month - 1, holiday.day))),
      name: holiday.name,
    }));
  holidays.push({ date: toIsoDate(goodFriday), name: 'Paixão de Cristo' });
  return mergeSameDay(holidays);
}

/** Every national holiday in the inclusive year range. */
export function holidaysBetween(fromYear: number, toYear: number): Holiday[] {
  const all: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year += 1) all.push(...brazilNationalHolidays(year));
  return all;
}
