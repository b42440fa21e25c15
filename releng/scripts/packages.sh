# Sourced by ./test (and so by .ci/run, which runs it): the Debian 12 packages the tests use, in one list,
# and the check that installs what is missing before Maven starts. A JDK 21+ is not among them (Debian 12
# has none): java-home.sh names what to install instead.
#   xvfb, xauth: xvfb-run and the product tests' private displays; xdotool, imagemagick: UI tests find
#   windows and take screenshots; libgtk-3-0: SWT; openssl, curl: test CAs and real clients;
#   squid-openssl: TLS-inspecting proxy; nginx-light, postgresql-15(-client): host certificate targets;
#   haproxy: the example plug-in's target; systemd: systemd-analyze checks the agent's unit;
#   pebble: a real ACME server (with pebble-challtestsrv); python3-aiosmtpd: a real SMTP server with STARTTLS
#   (run by /usr/bin/python3); prometheus (promtool) and prometheus-node-exporter: metrics checked by real tools.
certbench_test_packages="xvfb xauth xdotool imagemagick libgtk-3-0 openssl curl squid-openssl nginx-light postgresql-15 postgresql-client-15 haproxy systemd pebble python3-aiosmtpd prometheus prometheus-node-exporter"

certbench_missing_packages() {
    missing=""
    for package in $certbench_test_packages; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
    done
    echo "${missing# }"
}

# Installs the missing packages with apt-get as root, or through sudo when it needs no password; otherwise
# prints the one apt-get line to run and returns 1. CERTBENCH_SKIP_PACKAGE_CHECK=1 skips it all, for
# machines whose packages are managed otherwise.
certbench_install_test_packages() {
    [ "${CERTBENCH_SKIP_PACKAGE_CHECK:-}" = 1 ] && return 0
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "test: cannot check packages without dpkg-query; install the equivalents of: $certbench_test_packages, then run with CERTBENCH_SKIP_PACKAGE_CHECK=1" >&2
        return 1
    fi
    missing=$(certbench_missing_packages)
    [ -n "$missing" ] || return 0
    if [ "$(id -u)" -eq 0 ]; then
        as_root=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root="sudo -n"
    else
        echo "test: packages the tests need are missing; as root run: apt-get update && apt-get install --no-install-recommends $missing" >&2
        return 1
    fi
    echo "test: installing $missing (apt-get)" >&2
    # $missing and $as_root are word lists on purpose
    $as_root apt-get update -qq >/dev/null &&
        $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
        echo "test: apt-get could not install $missing (see above)" >&2
        return 1
    }
}
