/**
 * The service router: one handler per contract method, registered per domain, called the same
 * way by every transport. Arguments are validated against the contract before any handler runs;
 * results are validated on the way out; every failure leaves as `{ code, message, details }`.
 */
import { z } from 'zod';
import { api, isMethod, methods, type Envelope, type Method, type Output, type ParsedInput } from '../../shared/api';
import { HearthError, toErrorData } from '../../shared/errors';
import type { ServiceContext } from './context';

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: ServiceContext) => Promise<Output<M>>;
export type Handlers = { [M in Method]?: Handler<M> };

export class Router {
  private readonly handlers = new Map<Method, Handler<Method>>();

  constructor(private readonly ctx: ServiceContext) {}

  /** Adds a domain's handlers; a name registered twice is a programming error. */
  register(domain: Handlers): this {
    for (const [name, handler] of Object.entries(domain)) {
      if (!isMethod(name)) throw new Error(`Handler for unknown method ${name}`);
      if (this.handlers.has(name)) throw new Error(`Method ${name} registered twice`);
      this.handlers.set(name, handler as Handler<Method>);
    }
    return this;
  }

  /** Fails when a contract method has no handler, so a missing one is caught at start. */
  assertComplete(): this {
    const missing = methods.filter((m) => !this.handlers.has(m));
    if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
    return this;
  }

  /** Calls a method with untrusted input; never throws. */
  async call(method: string, input: unknown): Promise<Envelope<unknown>> {
    try {
      return { ok: true, data: await this.invoke(method, input) };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  }

  /** Calls a method with untrusted input; throws a HearthError on failure. */
  async invoke(method: string, input: unknown): Promise<unknown> {
    if (!isMethod(method)) throw new HearthError('unknown_method', `Unknown method ${method}`, { method });
    const handler = this.handlers.get(method);
    if (!handler) throw new HearthError('unknown_method', `Method ${method} is not available here`, { method });
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new HearthError('invalid_argument', `Invalid arguments for ${method}: ${z.prettifyError(parsed.error)}`, {
        method,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const result = await handler(parsed.data as ParsedInput<Method>, this.ctx);
    const checked = spec.output.safeParse(result);
    if (!checked.success) {
      throw new HearthError('internal', `Result of ${method} broke the contract: ${z.prettifyError(checked.error)}`);
    }
    return checked.data;
  }
}
