import { describe, expect, it } from 'vitest';
import { UsageError } from '../../static-server/src/errors.ts';
import { parseCliOptions } from '../../static-server/src/parse-cli-options.ts';

const defaults = { help: false, debug: false, roots: ['web/dist', 'data'], host: '127.0.0.1', port: 8080 };

describe('parseCliOptions', () => {
  it.each([
    { argv: [], env: {}, expected: defaults },
    { argv: [], env: { PORT: '9000' }, expected: { ...defaults, port: 9000 } },
    { argv: [], env: { PORT: '0' }, expected: { ...defaults, port: 0 } },
    { argv: [], env: { PORT: '' }, expected: defaults },
    { argv: [], env: { DATA_DIR: '/srv/lake' }, expected: { ...defaults, roots: ['web/dist', '/srv/lake'] } },
    {
      argv: ['--root', 'a', '--root', 'b'],
      env: { DATA_DIR: 'x' },
      expected: { ...defaults, roots: ['a', 'b'] },
    },
    { argv: ['--root=a'], env: {}, expected: { ...defaults, roots: ['a'] } },
    {
      argv: ['--host', '0.0.0.0', '--debug'],
      env: {},
      expected: { ...defaults, host: '0.0.0.0', debug: true },
    },
    { argv: ['-h'], env: {}, expected: { ...defaults, help: true } },
    { argv: ['--help'], env: {}, expected: { ...defaults, help: true } },
  ])('$argv $env', ({ argv, env, expected }) => {
    expect(parseCliOptions(argv, env)).toEqual(expected);
  });

  it.each([
    { argv: ['--rot', 'x'], env: {}, message: "Unknown option '--rot'" },
    { argv: ['web/dist'], env: {}, message: 'Unexpected argument' },
    { argv: ['--root'], env: {}, message: "Option '--root <value>' argument missing" },
    { argv: [], env: { PORT: 'abc' }, message: 'PORT must be an integer from 0 to 65535, got "abc"' },
    { argv: [], env: { PORT: '65536' }, message: 'PORT must be an integer' },
    { argv: [], env: { PORT: '-1' }, message: 'PORT must be an integer' },
    { argv: [], env: { PORT: '80.5' }, message: 'PORT must be an integer' },
  ])('rejects $argv $env with a UsageError', ({ argv, env, message }) => {
    const parse = () => parseCliOptions(argv, env);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });
});
