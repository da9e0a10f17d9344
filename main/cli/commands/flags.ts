import { FlagNameSchema } from '../../../shared/flags';
import { EXIT, parse, UsageError } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

const SOURCE = { default: 'default', settings: 'chosen', env: 'environment (HUNTER_FLAG_*), wins' } as const;

/** `hunter flags [--json]` and `hunter flags set <name> on|off`. */
export const flagsCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  const [sub, name, value] = positionals;
  if (sub !== undefined && sub !== 'set') throw new UsageError(`unknown flags subcommand "${sub}" (use "set")`);
  if (sub === 'set') {
    const flag = FlagNameSchema.safeParse(name);
    if (!flag.success)
      throw new UsageError(`unknown flag "${name ?? ''}": one of ${FlagNameSchema.options.join(', ')}`);
    if (value !== 'on' && value !== 'off') throw new UsageError('give the value as on or off');
    if (positionals.length > 3) throw new UsageError('too many arguments');
    return withHunter(values.db, async ({ flags }) => {
      const state = flags.set(flag.data, value === 'on');
      if (values.json) io.out(JSON.stringify(state));
      else io.out(`${state.name}: ${state.on ? 'on' : 'off'} (${SOURCE[state.source]})`);
      if (state.source === 'env' && state.on !== (value === 'on'))
        io.err(
          `${state.name} is set by HUNTER_FLAG_${state.name.toUpperCase()}: the choice applies once that is unset`,
        );
      return EXIT.ok;
    });
  }
  return withHunter(values.db, async ({ flags }) => {
    const all = flags.list();
    if (values.json) io.out(JSON.stringify(all));
    else for (const f of all) io.out(`${f.name.padEnd(20)} ${(f.on ? 'on' : 'off').padEnd(4)} ${SOURCE[f.source]}`);
    return EXIT.ok;
  });
};
