/** Cancellation shared by the parsers: an aborted signal ends the parse with `import_cancelled`. */
import { HearthError } from '../../../../shared/errors';
import type { ParseContext } from '../types';

/**
 * Throws `import_cancelled` when the import's signal has been aborted.
 *
 * @example
 * throwIfCancelled(ctx); // once per chunk or batch, never per byte
 */
export function throwIfCancelled(ctx: Pick<ParseContext, 'signal' | 'fileName'>): void {
  if (ctx.signal.aborted) {
    throw new HearthError('import_cancelled', `Import of ${ctx.fileName} cancelled`, { file: ctx.fileName });
  }
}
