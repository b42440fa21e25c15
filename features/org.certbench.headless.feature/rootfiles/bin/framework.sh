# Sourced by CertBench's launchers: how the JVM starts the OSGi framework.
#
# The fast start runs launch/certbench-launch.jar (FrameworkMain: start the framework, run the application, stop the
# framework, exit with the status the application left in eclipse.exitcode, 13 when the start failed; its manifest
# puts launch/org.eclipse.osgi_<version>.jar, a copy of the framework bundle without its signature files, on the JVM's
# class path and allows native access, which on the command line would turn off the JDK archive's module graph); the
# product build makes both. The JVM gets a class-data sharing archive: it writes it when it exits after a start
# without one (or with one made for another JDK or other launch jars) and maps it at every later start, so the JDK
# classes, the framework's and (on JDK 25) the bundles' classes the start needs are loaded ready-made. Equinox's
# launcher jar cannot gain this: it loads the framework through a class loader of its own, whose classes the JDK does
# not archive, and the JDK archives no class of a signed jar. The launcher jar is the fallback: when the copies are
# missing or are not of the framework config.ini names (an update replaced the framework), when the product's path is
# not a plain file URL, or with CERTBENCH_FAST_START=no.

# The JVM's own messages on stderr, where the shell's stdout is a command's output (CERTBENCH_JAVA_OPTS comes after
# and may say otherwise); the archive's (classes it leaves out when it is written, an archive written for other
# options) are of no use to a user.
certbench_archive_log="-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr"

# true when the fast start can be used for the product at $1; sets certbench_framework to the framework jar's name
certbench_fast_start() {
    [ "${CERTBENCH_FAST_START:-yes}" != no ] || return 1
    case $1 in
        *[!A-Za-z0-9._/+-]*) return 1 ;; # the path goes into file: URLs as it is
    esac
    certbench_framework=$(sed -n 's|^osgi\.framework=file\\:plugins/\(org\.eclipse\.osgi_[A-Za-z0-9._-]*\.jar\)$|\1|p' \
        "$1/configuration/config.ini" 2>/dev/null)
    [ -n "$certbench_framework" ] && [ -r "$1/launch/$certbench_framework" ] && [ -r "$1/plugins/$certbench_framework" ] &&
        [ -r "$1/launch/certbench-launch.jar" ]
}

# true when the class-data sharing archive at $1 can be written (its directory exists or is made, owner-only). A
# file there that is not a dynamic archive (its first word not the JDK's magic f00baba8: damaged, or written over) is
# removed: the JVM would take it for a base archive, start without any archive and never write a new one.
certbench_archive_ready() {
    (umask 077 && mkdir -p "$(dirname "$1")") 2>/dev/null && [ -w "$(dirname "$1")" ] || return 1
    if [ -e "$1" ] && [ "$(od -An -tx4 -N4 "$1" 2>/dev/null | tr -d ' ')" != f00baba8 ]; then
        rm -f "$1"
    fi
    return 0
}
