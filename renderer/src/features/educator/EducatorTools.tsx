/** Placeholder: this screen is being built. */
export function EducatorTools() {
  return <h1>EducatorTools</h1>;
}
