# Sourced by the workbench's launcher (certbench) and, before it builds, by releng/scripts/launch: says in one
# line why the window cannot open on this machine - no display, or no GTK 3 (SWT draws with it).
certbench_desktop_check() {
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "certbench: no display (DISPLAY is not set); for the headless shell run ./certbench-shell instead." >&2
        return 1
    fi
    # GTK from elsewhere (LD_LIBRARY_PATH, another distribution's layout) is the user's to vouch for
    [ "${CERTBENCH_SKIP_PACKAGE_CHECK:-}" = 1 ] && return 0
    # /sbin is not on a Debian user's PATH; without ldconfig (not glibc) there is nothing to ask
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    [ -x "$ldconfig" ] || return 0
    if ! "$ldconfig" -p | grep -q 'libgtk-3\.so\.0 '; then
        echo "certbench: the GTK 3 libraries (libgtk-3.so.0) are not installed; as root run: apt-get install libgtk-3-0 (Debian, Ubuntu; the gtk3 package elsewhere)" >&2
        return 1
    fi
}
