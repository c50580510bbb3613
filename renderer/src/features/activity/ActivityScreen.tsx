/** Placeholder: this screen is being built. */
export function ActivityScreen({ loId, activityId }: { loId: string; activityId: string }) {
  return <h1>{`${loId} ${activityId}`}</h1>;
}
