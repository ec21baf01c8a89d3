# The shift report's PDF is read back with pdftotext and pdftoppm (tests/report).
if ! command -v pdftotext >/dev/null 2>&1; then
  apt_install poppler-utils
fi
