import type { ChannelInput, ChannelName, ChannelOutput, ChannelResult } from '../../electron/common/contract';
import { createWindowSession, type WindowSession } from '../accounts/window-session';
import type { ChannelDispatcher } from '../channels/dispatch';

/** One app window's calls through a dispatcher: `call` answers the result, `ok` its value or throws with the error. */
export interface WindowCaller {
  session: WindowSession;
  call<C extends ChannelName>(name: C, input: ChannelInput<C>): Promise<ChannelResult<ChannelOutput<C>>>;
  ok<C extends ChannelName>(name: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function windowCaller(dispatcher: Pick<ChannelDispatcher, 'dispatch'>): WindowCaller {
  const window = { kind: 'window', session: createWindowSession() } as const;
  const call = <C extends ChannelName>(name: C, input: ChannelInput<C>) => dispatcher.dispatch(name, input, window);
  return {
    session: window.session,
    call,
    async ok(name, input) {
      const answer = await call(name, input);
      if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
      return answer.value;
    },
  };
}
