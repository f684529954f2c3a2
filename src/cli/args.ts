/** A declared option of a command. */
export interface OptionSpec {
  name: string;
  type: 'string' | 'number' | 'boolean';
  multiple?: boolean;
  value?: string;
  description: string;
  default?: string | number | boolean;
  /** For numbers: smallest accepted value. */
  min?: number;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean | string[] | undefined>;
  /** Every problem found, so the user can fix them all at once. */
  errors: string[];
}

/**
 * Parse argv against a command's option table. Unlike node:util parseArgs, it does not stop at the
 * first mistake: every unknown option, missing value and bad number is reported together.
 */
export function parseArgv(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') errors.push(`unknown option ${arg} (options are written --name)`);
      else positionals.push(arg);
      continue;
    }
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    let negated = false;
    let spec = byName.get(name);
    if (!spec && name.startsWith('no-') && byName.get(name.slice(3))?.type === 'boolean') {
      spec = byName.get(name.slice(3));
      negated = true;
    }
    if (!spec) {
      errors.push(`unknown option --${name}`);
      continue;
    }
    if (spec.type === 'boolean') {
      if (value !== undefined) errors.push(`--${name} takes no value, got "${value}"`);
      options[spec.name] = !negated;
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
        errors.push(`--${name} expects ${spec.value ?? 'a value'}`);
        continue;
      }
      value = argv[++i];
    }
    let parsed: string | number = value;
    if (spec.type === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min)) {
        errors.push(`--${name} expects an integer${spec.min !== undefined ? ` of at least ${spec.min}` : ''}, got "${value}"`);
        continue;
      }
      parsed = n;
    }
    if (spec.multiple) options[spec.name] = [...((options[spec.name] as string[]) ?? []), String(parsed)];
    else options[spec.name] = parsed;
  }
  for (const spec of specs) if (options[spec.name] === undefined && spec.default !== undefined) options[spec.name] = spec.default;
  return { positionals, options, errors };
}

export function optionHelp(specs: OptionSpec[]): string {
  const rows = specs.map((s) => [`--${s.name}${s.type === 'boolean' ? '' : ` ${s.value ?? 'VALUE'}`}`, `${s.description}${s.default !== undefined && s.type !== 'boolean' ? ` (default: ${s.default})` : ''}`]);
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`).join('\n');
}
