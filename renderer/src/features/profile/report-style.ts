/** The saved report's stylesheet, inlined in the file: system fonts, print-friendly, no URLs. */
export const REPORT_STYLE = `
:root { color: #1d2b24; background: #fff; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', sans-serif; line-height: 1.5; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.dates { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; margin: 0 0 1rem; }
.dates dt { font-weight: 600; display: inline; }
.dates dt::after { content: ': '; }
.dates dd { display: inline; margin: 0; }
.card { border: 1px solid #c9d3cc; border-radius: 12px; padding: 1rem 1.25rem; margin: 1rem 0; break-inside: avoid; }
.muted { color: #4a5a51; }
.summary { font-weight: 600; }
.chips { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.chips li { border: 1px solid #1f6f50; border-radius: 999px; padding: 0.15rem 0.75rem; display: flex; align-items: center; gap: 0.35rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #c9d3cc; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #e3f1ea; }
.chart { width: 100%; max-width: 560px; height: auto; display: block; font-size: 14px; fill: #1d2b24; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.badges { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
.icon { vertical-align: middle; flex: none; }
footer { margin-top: 1.5rem; }
@media print { main { padding: 0; } .card { border-color: #999; } }
`;
