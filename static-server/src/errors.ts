/**
 * Errors the static server reports to its CLI. Each carries the exit code the CLI uses (STYLE.md §5:
 * 2 usage, 4 output/IO), so cli.ts maps errors to codes in one place without string matching.
 */

export class StaticServerError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StaticServerError';
    this.exitCode = exitCode;
  }
}

export class UsageError extends StaticServerError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
    this.name = 'UsageError';
  }
}

export class PortInUseError extends StaticServerError {
  readonly port: number;

  constructor(port: number, options?: ErrorOptions) {
    super(`port ${port} is already in use; set PORT to another port`, 4, options);
    this.name = 'PortInUseError';
    this.port = port;
  }
}

export class RootNotFoundError extends StaticServerError {
  readonly root: string;

  constructor(root: string, options?: ErrorOptions) {
    super(`root folder ${root} does not exist or is not a directory`, 4, options);
    this.name = 'RootNotFoundError';
    this.root = root;
  }
}
