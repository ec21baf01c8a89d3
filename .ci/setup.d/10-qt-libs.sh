# Qt's offscreen platform needs a few system libraries; install them only if missing.
missing=0
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libX11.so.6; do
  ldconfig -p | grep -q "$lib" || missing=1
done
fc-list 2>/dev/null | grep -qi dejavu || missing=1
if [ "$missing" = 1 ]; then
  apt_install libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libx11-6 \
    libglib2.0-0 fonts-dejavu-core
fi
