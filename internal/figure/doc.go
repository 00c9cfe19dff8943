// Package figure owns the figures of an article — the numbers its front
// matter declares, the KPI cards and the charts (docs/figures.md) — from
// the front matter to the numbers a chart draws:
//
//   - decoding: DecodeKeys reads the keys figures, kpis and charts, which
//     package parse hands over once every other key of the page is read,
//     and ChartBlocks the ```chart blocks of a body; every problem at its
//     file:line:col (package yamlfield);
//   - periods: ParsePeriod, their order (Compare) and how readers see
//     them (Period.Text: "quý III/2020", "Q3 2020");
//   - numbers as written: ParseNumber keeps the stated precision, and
//     FixNumber and FixPeriod guess what a writer meant, for error hints;
//   - Cards, the KPI strip of a page, in Vietnamese or English;
//   - Check, the cross-check of stated changes against the values they
//     compare (79.770 against 68.800 is +15.9 %, so "16" holds);
//   - the words of the format (vocabulary.go): chart types, measures,
//     statuses, qualifiers, polarities, and what writers write for them;
//   - a chart's numbers (Data): ChartFromFigures lays the page's figures
//     out for the chart's type, ChartFromCSV reads its data file, and both
//     report every problem of the chart at its position (an unknown
//     indicator or period, mixed units or period kinds, gaps, data its
//     type cannot draw); package chart then only draws Data.
//
// Everything here reads the site model and, but for a ChartBlocks (one
// per page body), is safe for concurrent use.
package figure
