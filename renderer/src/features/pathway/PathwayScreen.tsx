/** Placeholder: this screen is being built. */
export function PathwayScreen() {
  return <h1>PathwayScreen</h1>;
}
