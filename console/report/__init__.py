"""The morning shift report: figures from an archive for a time window (compute), and
its text in HTML (html); the PDF and the charts are drawn in widgets/report."""
