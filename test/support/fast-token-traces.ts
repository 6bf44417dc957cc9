/**
 * Jest setup (every test file). cdktf records a full stack trace for every token it creates (it
 * passes a plain `{ stack }` object to Error.captureStackTrace) only to show it in token errors.
 * Jest source-maps every trace, which took half of the unit tier's time. Here traces of plain
 * objects get V8's plain format; real errors still go to Jest's source-mapping formatter, which
 * Jest installs on the Error of the worker's main realm (Node falls back to it when the test
 * context's own Error.prepareStackTrace is unset).
 */
type Formatter = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/** Jest's formatter: the main realm's Error.prepareStackTrace, reached through a main-realm function. */
function jestFormatter(): Formatter | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const mainError = (process.hrtime as unknown as { constructor: FunctionConstructor }).constructor('return Error')() as ErrorConstructor;
    return mainError === Error ? undefined : mainError.prepareStackTrace;
  } catch {
    return undefined;
  }
}

const plain = (error: unknown, frames: NodeJS.CallSite[]) => `${error instanceof Error ? error : 'Error'}\n${frames.map((f) => `    at ${f}`).join('\n')}`;

Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
  const isPlainObject = error !== null && typeof error === 'object' && (error as object).constructor?.name === 'Object';
  const mapped = isPlainObject ? undefined : jestFormatter();
  return mapped ? mapped(error, frames) : plain(error, frames);
};
