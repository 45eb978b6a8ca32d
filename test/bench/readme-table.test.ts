import { describe, expect, it } from 'vitest';
import { README_END, README_START, replaceBetweenMarkers } from '../../bench/readme-table.ts';

describe('replaceBetweenMarkers', () => {
  it('replaces only what lies between the markers, keeping them', () => {
    const readme = `# Title\n${README_START}\nold table\n${README_END}\n## Next\n`;
    expect(replaceBetweenMarkers(readme, 'new table')).toBe(
      `# Title\n${README_START}\nnew table\n${README_END}\n## Next\n`,
    );
  });

  it.each([
    { name: 'no markers', readme: '# Title\n' },
    { name: 'the end before the start', readme: `${README_END}\n${README_START}\n` },
  ])('refuses a README with $name', ({ readme }) => {
    expect(() => replaceBetweenMarkers(readme, 'x')).toThrow('has no');
  });
});
