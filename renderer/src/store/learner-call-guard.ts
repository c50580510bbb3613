import { accessLevelOf, CHANNEL_NAMES, type ChannelResult, type DalaApi } from '../../../electron/common/contract';

type AnyChannel = (input: unknown) => Promise<ChannelResult<unknown>>;

/** A refused read loses nothing; a refused write is a change the learner has to make again. */
const isRead = (channel: string): boolean => channel.startsWith('get') || channel.startsWith('list');

function isLearnerChannel(channel: (typeof CHANNEL_NAMES)[number]): boolean {
  try {
    return accessLevelOf(channel, {} as never) === 'ownRecords';
  } catch {
    return false;
  }
}

/**
 * The API, with every learner channel watched: when one answers `forbidden`, the main process has
 * ended the learner's session (idle there, or an educator's change), and `onRefused` lets the
 * window follow it back to the picker. The answer itself goes on to the caller unchanged.
 */
export function guardLearnerCalls(api: DalaApi, onRefused: (unsaved: boolean) => void): DalaApi {
  const guarded: Record<string, AnyChannel> = { ...(api as unknown as Record<string, AnyChannel>) };
  for (const channel of CHANNEL_NAMES) {
    if (!isLearnerChannel(channel)) continue;
    const call = guarded[channel];
    if (!call) continue;
    guarded[channel] = async (input) => {
      const result = await call(input);
      if (!result.ok && result.error.code === 'forbidden') onRefused(!isRead(channel));
      return result;
    };
  }
  return guarded as unknown as DalaApi;
}
