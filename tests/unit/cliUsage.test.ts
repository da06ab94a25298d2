import { describe, expect, it } from 'vitest';
import { COMMANDS, usage } from '../../electron/cli/commands';

describe('命令行帮助', () => {
  it('gives every command its line, the name apart from its usage and every usage in one column', () => {
    const text = usage();
    const columns = Object.keys(COMMANDS).map((name) => {
      const line = text.split('\n').find((l) => l.startsWith(`  ${name} `));
      expect(line, name).toMatch(new RegExp(`^ {2}${name} {2,}yiqiyice ${name}`));
      return line!.indexOf('yiqiyice ');
    });
    expect(new Set(columns).size).toBe(1);
  });
});
