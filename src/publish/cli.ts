/**
 * The `mlo-feed` command (bin/mlo-feed.js runs this file from dist/lib/publish/). Arguments are read with
 * Node's own `util.parseArgs`; each command is the library function of the same name
 * (src/publish/index.ts), and the exit code says how it went: 0 ok, 1 content errors, 2 usage or
 * config errors (docs/publishing.md, "Exit codes").
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from './build.js';
import { EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, formatDiagnostic } from './diagnostics.js';
import { HOSTING_ADVICE, serve } from './serve.js';
import { validate } from './validate.js';

const HELP = `mlo-feed: publish the news as JSON Feeds for mlo-widgets

Usage:
  mlo-feed build [config]       build the feeds from a site config (default: mlo-feed.config.yml,
                                .yaml or .json in this folder)
      --out <dir>               write here instead of the config's "output"
      --prune                   delete files of earlier builds that this build no longer writes
      --list                    list every output file in the summary
      --quiet                   print only warnings and errors
  mlo-feed validate <file|dir|url>
                                check feeds: JSON Schema, unique ids across pages, next_url chain,
                                language tags, photo alt text, page size
      --quiet                   print only errors and warnings
  mlo-feed serve <dir>          preview a built folder with the headers a real host needs
      --port <n>                default 8787 (0: any free port)
      --host <name>             default 127.0.0.1
  mlo-feed --help | --version

Exit codes: 0 ok, 1 content errors (the messages name file, field and line), 2 usage or config errors,
70 a bug in mlo-feed.
Guide: docs/publishing.md`;

const CONFIG_NAMES = ['mlo-feed.config.yml', 'mlo-feed.config.yaml', 'mlo-feed.config.json'];

function version(): string {
  const url = new URL('../../../package.json', import.meta.url);
  try {
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function write(stream: NodeJS.WriteStream, text: string): void {
  stream.write(`${text}\n`);
}

/** Runs the command line `args` (without node and the script); resolves to the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      write(command === undefined ? process.stderr : process.stdout, HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      write(process.stdout, version());
      return EXIT_OK;
    }
    if (command === 'build') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { out: { type: 'string' }, prune: { type: 'boolean' }, list: { type: 'boolean' }, quiet: { type: 'boolean' } },
      });
      if (positionals.length > 1) throw new UsageError(`build takes one config file, not ${positionals.length}`);
      const config = positionals[0] ?? CONFIG_NAMES.find((name) => existsSync(name));
      if (!config) throw new UsageError(`no site config: name one (mlo-feed build site.yml) or create ${CONFIG_NAMES.join(', ')}`);
      const { loadSiteConfig } = await import('./config.js');
      const site = loadSiteConfig(config, values.out === undefined ? {} : { output: values.out });
      const result = await build(site, { quiet: false, list: values.list ?? false, prune: values.prune ?? false, ...(values.quiet ? { quiet: true } : {}) });
      if (values.quiet) for (const entry of result.diagnostics) write(process.stderr, formatDiagnostic(entry));
      return result.exitCode;
    }
    if (command === 'validate') {
      const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { quiet: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new UsageError('validate takes one file, folder or URL: mlo-feed validate public/');
      const result = await validate(positionals[0]!);
      for (const entry of result.diagnostics) write(process.stderr, formatDiagnostic(entry));
      const errors = result.diagnostics.filter((entry) => entry.severity === 'error').length;
      const warnings = result.diagnostics.length - errors;
      if (!values.quiet) {
        for (const feed of result.feeds) write(process.stderr, `${feed.feed}: ${feed.items} ${feed.items === 1 ? 'item' : 'items'} in ${feed.pages} ${feed.pages === 1 ? 'page' : 'pages'}`);
        write(process.stderr, errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (exit code ${EXIT_CONTENT})` : `valid: ${result.pages.length} ${result.pages.length === 1 ? 'page' : 'pages'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
      }
      return result.exitCode;
    }
    if (command === 'serve') {
      const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { port: { type: 'string' }, host: { type: 'string' } } });
      if (positionals.length !== 1) throw new UsageError('serve takes one folder: mlo-feed serve public/');
      const port = values.port === undefined ? 8787 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${values.port ?? ''}`);
      const running = await serve(positionals[0]!, { port, ...(values.host === undefined ? {} : { host: values.host }) });
      write(process.stdout, `Serving ${positionals[0]!} at ${running.url} (Ctrl+C stops)\n  feeds: ${running.url}feed.json\n\n${HOSTING_ADVICE}`);
      await new Promise<void>((done) => {
        const stop = () => {
          void running.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return EXIT_OK;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      if (error instanceof UsageError) for (const entry of error.diagnostics) write(process.stderr, formatDiagnostic(entry));
      write(process.stderr, `mlo-feed: ${error.message}\nRun mlo-feed --help for the commands and options.`);
      return EXIT_USAGE;
    }
    // The system refused (a folder that cannot be written, a port in use): the environment, as a usage error.
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code)) {
      write(process.stderr, `mlo-feed: ${error.message}`);
      return EXIT_USAGE;
    }
    write(process.stderr, `mlo-feed: internal error, please report it with this output:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_INTERNAL;
  }
}
