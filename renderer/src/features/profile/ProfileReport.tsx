/** Placeholder: this screen is being built. */
export function ProfileReport() {
  return <h1>ProfileReport</h1>;
}
