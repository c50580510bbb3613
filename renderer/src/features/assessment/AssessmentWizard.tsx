/** Placeholder: this screen is being built. */
export function AssessmentWizard() {
  return <h1>AssessmentWizard</h1>;
}
