import type { ChannelName, ChannelOutput, ParsedChannelInput } from '../../electron/common/contract';
import type { CallContext } from './authorize';
import type { HandlerContext } from './context';

/**
 * A channel's handler: gets the input already parsed by the channel's schema (the dispatcher
 * validates once, at the boundary) and the caller already authorised for the channel's access
 * level, and returns the channel's output or throws a DalaError.
 */
export type ChannelHandler<C extends ChannelName> = (ctx: HandlerContext, input: ParsedChannelInput<C>, call: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Every channel's handler: a channel without one does not compile. */
export type HandlerMap = { [C in ChannelName]: ChannelHandler<C> };

/**
 * Declares a domain's handlers: the keys must be channel names and each handler is typed by its
 * channel, so a wrong name, input or output is a compile error in the domain file itself.
 */
export function channelHandlers<K extends ChannelName>(handlers: { [C in K]: ChannelHandler<C> }): { [C in K]: ChannelHandler<C> } {
  return handlers;
}
