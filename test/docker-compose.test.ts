/**
 * docker-compose.yml cannot run here (no Docker daemon), so it is checked statically: parsed as
 * YAML, its services, images, ports, volumes and environment compared with what the CLIs, scripts
 * and the SDK settings actually accept; the commands it runs parsed by the builder's and the
 * static server's own option parsers; the anonymous policy checked to grant reads of the product
 * only; and every variable it needs defined by .env.example.
 */
import { readFile } from 'node:fs/promises';
import { Cron } from 'croner';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCommandOptions, type Command } from '../builder/src/cli-options.ts';
import { s3Settings } from '../builder/src/publish/s3/s3-client.ts';
import { parseCliOptions } from '../static-server/src/parse-cli-options.ts';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const text = (file: string) => readFile(file, 'utf8');
const compose = parse(await text('docker-compose.yml')) as {
  services: Record<string, Service>;
  volumes: object;
};
const envExample = Object.fromEntries(
  (await text('.env.example'))
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [
      line.slice(0, line.indexOf('=')),
      line.slice(line.indexOf('=') + 1).replace(/^"(.*)"$/, '$1'),
    ]),
);
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

/** ${VAR}, ${VAR:-default} and ${VAR:?message} as docker compose resolves them with .env.example. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, kind?: string, rest?: string) => {
      const set = env[name];
      if (set !== undefined && set !== '') return set;
      if (kind === '-') return rest ?? '';
      throw new Error(`${name} is not set`);
    },
  );
}

/** A service's environment as its process sees it. */
function environmentOf(name: string): Record<string, string> {
  const entries = Object.entries(service(name).environment ?? {});
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(String(value), envExample)]));
}

/** The `npm run lakehouse -- <command> …` lines of a shell script, with "$VAR" replaced from `env`. */
function lakehouseCommands(script: string, env: Record<string, string>): string[][] {
  return script
    .split('\n')
    .filter((line) => line.includes('npm run lakehouse --'))
    .map((line) => {
      const words =
        line
          .slice(line.indexOf('npm run lakehouse --') + 'npm run lakehouse --'.length)
          .match(/"[^"]*"|\S+/g) ?? [];
      return words.map((word) =>
        word
          .replace(/^"|"$/g, '')
          .replace(/\$([A-Z0-9_]+)/g, (_, name: string) => env[name] ?? `<${name} unset>`),
      );
    });
}

describe('docker-compose.yml', () => {
  it('has minio, minio-init, builder and web, with MinIO images pinned by release tag', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['builder', 'minio', 'minio-init', 'web']);
    expect(service('minio').image).toMatch(/^quay\.io\/minio\/minio:RELEASE\.\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(service('minio-init').image).toMatch(/^quay\.io\/minio\/mc:RELEASE\.\d{4}-\d\d-\d\dT[\d-]+Z$/);
  });

  it('runs MinIO with its API on 9000, the console on 9001, a data volume, a healthcheck and CORS', () => {
    const minio = service('minio');
    expect(minio.command).toEqual(['server', '/data', '--console-address', ':9001']);
    expect(minio.ports).toEqual(['9000:9000', '9001:9001']);
    expect(minio.volumes).toEqual(['minio-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['minio-data']);
    expect(minio.healthcheck?.test).toEqual(['CMD', 'mc', 'ready', 'local']);
    expect(environmentOf('minio')).toMatchObject({
      MINIO_ROOT_USER: 'minioadmin',
      MINIO_ROOT_PASSWORD: 'minioadmin',
      MINIO_API_CORS_ALLOW_ORIGIN: '*',
    });
  });

  it('starts minio-init once MinIO is healthy, and the builder once minio-init has finished', () => {
    expect(service('minio-init').depends_on).toEqual({ minio: { condition: 'service_healthy' } });
    expect(service('builder').depends_on).toEqual({
      'minio-init': { condition: 'service_completed_successfully' },
    });
    expect(service('minio-init').entrypoint).toEqual(['/bin/sh', '/minio-init.sh']);
    expect(service('minio-init').volumes).toEqual(['./deploy/minio-init.sh:/minio-init.sh:ro']);
  });

  it('grants anonymous s3:GetObject on the published app and gold only: no listing, bronze and silver private', async () => {
    const script = await text('deploy/minio-init.sh');
    expect(script).not.toMatch(/anonymous set (download|public)/);
    const env = environmentOf('minio-init');
    const [, policyText] = /cat > \/tmp\/public-read\.json <<JSON\n([\s\S]*?)\nJSON/.exec(script) ?? [];
    const policy = JSON.parse(interpolate(policyText ?? '', env)) as {
      Statement: { Effect: string; Principal: unknown; Action: string[]; Resource: string[] }[];
    };
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: ['*'] },
        Action: ['s3:GetObject'],
        Resource: ['index.html', 'assets/*', 'gold/*'].map((path) => `arn:aws:s3:::nova/lakehouse/${path}`),
      },
    ]);
    expect(script).toContain('mc anonymous set-json /tmp/public-read.json "nova/$NOVA_BUCKET"');
    expect(script).toContain('mc mb --ignore-existing "nova/$NOVA_BUCKET"');
  });

  it('gives the builder the AWS SDK variables the S3 target reads, with the builder key pair', () => {
    const env = environmentOf('builder');
    expect(
      Object.keys(env)
        .filter((key) => key.startsWith('AWS_'))
        .sort(),
    ).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY']);
    expect(s3Settings(env)).toEqual({ endpoint: 'http://minio:9000', region: 'us-east-1' });
    expect(env.AWS_ACCESS_KEY_ID).toBe(envExample.BUILDER_ACCESS_KEY);
    expect(env.AWS_SECRET_ACCESS_KEY).toBe(envExample.BUILDER_SECRET_KEY);
    expect(environmentOf('minio-init')).toMatchObject({
      BUILDER_ACCESS_KEY: env.AWS_ACCESS_KEY_ID,
      BUILDER_SECRET_KEY: env.AWS_SECRET_ACCESS_KEY,
    });
  });

  it('runs the builder once (app, then lakehouse) and then on the 02:00 schedule, with options the CLI accepts', async () => {
    const builder = service('builder');
    expect(builder.command).toEqual(['sh', 'deploy/builder.sh']);
    const env = environmentOf('builder');
    const commands = lakehouseCommands(await text('deploy/builder.sh'), env);
    expect(commands.map(([command]) => command)).toEqual(['publish-web', 'run', 'run']);
    const now = new Date();
    for (const [command, ...args] of commands) {
      const options = await parseCommandOptions(command as Command, args, {}, now);
      expect(options.location).toEqual({ kind: 's3', bucket: 'nova', prefix: 'lakehouse' });
    }
    const scheduled = await parseCommandOptions('run', commands[2]?.slice(1) ?? [], {}, now);
    expect(scheduled.schedule).toEqual({ cron: '0 2 * * *', timezone: 'America/Bahia' });
    const next = new Cron(scheduled.schedule?.cron ?? '', { timezone: 'America/Bahia' }).nextRun();
    expect(next?.toLocaleTimeString('en-GB', { timeZone: 'America/Bahia' })).toBe('02:00:00');
    const packageJson = JSON.parse(await text('package.json')) as { scripts: Record<string, string> };
    expect(packageJson.scripts.lakehouse).toBe('tsx builder/src/cli.ts');
  });

  it('serves the app with the static server on the port it maps', async () => {
    const web = service('web');
    const [npm, run, script, dashes, ...args] = web.command ?? [];
    expect([npm, run, script, dashes]).toEqual(['npm', 'run', 'serve', '--']);
    const packageJson = JSON.parse(await text('package.json')) as { scripts: Record<string, string> };
    expect(packageJson.scripts.serve).toBe('tsx static-server/src/cli.ts');
    const options = parseCliOptions(args, environmentOf('web'));
    expect(options).toMatchObject({ roots: ['web/dist'], host: '0.0.0.0', port: 8080 });
    expect(web.ports).toEqual([`${options.port}:${options.port}`]);
    expect(web.image).toBe(service('builder').image);
  });

  it('needs no variable that .env.example leaves out, and keeps secrets out of the image', async () => {
    const raw = await text('docker-compose.yml');
    const needed = [...raw.matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1] ?? '');
    expect(needed.filter((name) => !(name in envExample))).toEqual([]);
    expect(await text('.env.example')).toMatch(/CHANGE EVERY SECRET/);
    expect((await text('.dockerignore')).split('\n')).toContain('.env');
    const dockerfile = await text('Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20\.\d+/m);
    expect(dockerfile).not.toMatch(/AWS_|MINIO_|SECRET/);
  });
});
