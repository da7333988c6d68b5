/**
 * Jest setup (service project): jest runs tests in a vm context whose `Symbol` lacks Node's `Symbol.dispose`, while undici
 * (jsforce's HTTP client) calls `addAbortListener(...)[Symbol.dispose]`. Borrow Node's symbol
 * from an object Node made, so real jsforce works inside jest.
 */
import { addAbortListener } from 'node:events';

const symbols = Symbol as unknown as Record<string, symbol | undefined>;
if (symbols.dispose === undefined) {
  const probe = addAbortListener(
    new AbortController().signal,
    () => undefined,
  ) as unknown as Record<symbol, () => void>;
  const nodeDispose = Object.getOwnPropertySymbols(probe).find(
    (s) => String(s) === 'Symbol(nodejs.dispose)',
  );
  if (nodeDispose) {
    Object.defineProperty(Symbol, 'dispose', { value: nodeDispose });
    probe[nodeDispose]();
  }
}
