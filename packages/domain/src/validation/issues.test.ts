import { describe, expect, it } from 'vitest';
import { zCaseCommand } from '../workflow/commands';
import { describeIssues } from './issues';

describe('describeIssues', () => {
  it("words a schema's key in English for the developer tools, never as the key", () => {
    const parsed = zCaseCommand.safeParse({ type: 'return', reason: '  ' });
    expect(parsed.success).toBe(false);
    const line = describeIssues(parsed.error!);
    expect(line).toContain('; reason: the reason for the return is required');
    expect(line).not.toContain('validation.');
  });
});
