/**
 * How a run that cannot go on ends, in the bin (the checker would not start) and in the checker (it failed
 * unexpectedly): one bilingual line on stderr, never a stack trace unless BUDGET_CHECK_DEBUG=1, then the exit code.
 */
export function exitWithLine(message: string, error: unknown, code: number): never {
  const line = message.replace(/\s*\n\s*/g, " ");
  process.stderr.write(`检查失败：${line} / Check failed: ${line}\n`);
  if (process.env.BUDGET_CHECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(code);
}
