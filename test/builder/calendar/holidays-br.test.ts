import { describe, expect, it } from 'vitest';
import { brazilNationalHolidays, easterSunday } from '../../../builder/src/calendar/holidays-br.ts';

describe('easterSunday', () => {
  // Published Easter dates (Gregorian).
  it.each([
    { year: 2019, expected: '2019-04-21' },
    { year: 2023, expected: '2023-04-09' },
    { year: 2024, expected: '2024-03-31' },
    { year: 2025, expected: '2025-04-20' },
    { year: 2026, expected: '2026-04-05' },
    { year: 2038, expected: '2038-04-25' },
  ])('$year → $expected', ({ year, expected }) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(expected);
  });
});

describe('brazilNationalHolidays', () => {
  const names = (year: number) => new Map(brazilNationalHolidays(year).map((h) => [h.date, h.name]));

  it.each([
    { date: '2024-03-29', name: 'Paixão de Cristo' },
    { date: '2025-04-18', name: 'Paixão de Cristo' },
    { date: '2025-04-21', name: 'Tiradentes' },
    { date: '2025-09-07', name: 'Independência do Brasil' },
    { date: '2025-10-12', name: 'Nossa Senhora Aparecida' },
    { date: '2025-11-02', name: 'Finados' },
    { date: '2025-11-15', name: 'Proclamação da República' },
    { date: '2025-12-25', name: 'Natal' },
  ])('$date is $name', ({ date, name }) => {
    expect(names(Number(date.slice(0, 4))).get(date)).toBe(name);
  });

  it('has 20 November only from 2024 on (Lei 14.759/2023)', () => {
    expect(names(2023).has('2023-11-20')).toBe(false);
    expect(names(2024).get('2024-11-20')).toBe('Dia Nacional de Zumbi e da Consciência Negra');
    expect(names(2025).has('2025-11-20')).toBe(true);
  });

  it('does not list Carnival or Corpus Christi (optional days, not holidays)', () => {
    // 2025: Carnival 3–4 March, Ash Wednesday 5 March, Corpus Christi 19 June.
    const dates = names(2025);
    for (const optional of ['2025-03-03', '2025-03-04', '2025-03-05', '2025-06-19']) {
      expect(dates.has(optional)).toBe(false);
    }
  });

  it('lists a day once when two holidays fall on it (Good Friday on Tiradentes, 2079)', () => {
    expect(easterSunday(2079).toISOString().slice(0, 10)).toBe('2079-04-23');
    const april21 = brazilNationalHolidays(2079).filter((h) => h.date === '2079-04-21');
    expect(april21).toEqual([{ date: '2079-04-21', name: 'Tiradentes / Paixão de Cristo' }]);
    expect(brazilNationalHolidays(2079)).toHaveLength(9);
  });

  it('gives ten holidays from 2024 and nine before', () => {
    expect(brazilNationalHolidays(2023)).toHaveLength(9);
    expect(brazilNationalHolidays(2024)).toHaveLength(10);
  });
});
