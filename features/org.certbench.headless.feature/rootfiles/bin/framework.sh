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

# The framework's storage (its configuration area) is the home's, never the product's: $home/cache/framework/$2 for
# the application $2 (workbench, shell) of the home $1, with the product's configuration/ as the shared, read-only
# configuration area it cascades to (config.ini and simpleconfigurator's bundles.info are read from there, and a
# newer bundles.info of an updated product is applied to the home's area at its next start). Plug-ins one home
# installs or removes therefore never touch another home's framework, and a product owned by root can be run by
# anyone. The home's shell area is held under a lock (flock on .lock in it, open on descriptor 8, which the JVM
# inherits through exec): a second shell of the same home started meanwhile (cron beside a person) runs in a
# temporary area of its own under the home, which certbench_run_in_private_area removes when the JVM ends. Sets
# certbench_area and certbench_private_area (empty unless temporary); $3 is the launcher's name for messages.
certbench_framework_area() {
    certbench_private_area=
    certbench_area=$1/cache/framework/$2
    certbench_plain_path "$1" "$3" home && certbench_plain_path "${here:-}" "$3" product && certbench_safe_home "$1" "$3" &&
        certbench_private_dir "$1/cache" "$3" && certbench_private_dir "$1/cache/framework" "$3" &&
        certbench_private_dir "$certbench_area" "$3" || return 1
    # an install run in place by a CertBench before the homes had their own storage: Equinox starts a new home's
    # framework from the storage it finds there, with the plug-ins other homes had installed in it
    if [ -d "${here:-}/configuration/org.eclipse.osgi" ]; then
        echo "$3: warning: $here/configuration/org.eclipse.osgi is the framework storage an earlier CertBench kept in the product; new homes start from it. Remove it while no CertBench of this product runs: rm -rf '$here/configuration/org.eclipse.osgi' '$here/configuration/org.eclipse.equinox.app' '$here/configuration/org.eclipse.core.runtime'" >&2
    fi
    [ "$2" = shell ] && command -v flock >/dev/null 2>&1 || return 0
    exec 8>>"$certbench_area/.lock"
    if flock -n 8; then
        # temporary areas whose shell was killed before it could remove its own; a live one holds its lock
        find "$1/cache/framework" -maxdepth 1 -name 'shell-*' -type d -mmin +10 2>/dev/null | while read -r stale; do
            (exec 7>>"$stale/.lock" && flock -n 7 && rm -rf "$stale")
        done
        return 0
    fi
    exec 8>&-
    certbench_area=$(umask 077 && mktemp -d "$1/cache/framework/shell-XXXXXXXX") || return 1
    certbench_private_area=$certbench_area
    exec 8>>"$certbench_area/.lock" && flock -n 8
}

# Equinox makes the configuration areas' paths into URLs without escaping them: in a path with # ? or %, the
# framework's storage would land in another directory than the one checked here (a home "/srv/cb#1" would store it
# in /srv/cb, shared with "/srv/cb#2", or where a link placed in that other directory points). Refused in words.
certbench_plain_path() {
    case $1 in
        *[#?%]*)
            echo "$2: the $3 directory $1 has a # ? or % in its path, which the OSGi framework would read as part of a URL and so keep its storage elsewhere; use a $3 directory whose path has none of them." >&2
            return 1 ;;
    esac
}

# The home holds the framework's storage, the code CertBench runs: as for the plug-ins there, it must belong to this
# user or to root and be writable by no one else, or another user could put a link in the place of cache/ between
# this check and the framework's writing.
certbench_safe_home() {
    certbench_home_owner=$(stat -L -c %u "$1" 2>/dev/null) && certbench_home_mode=$(stat -L -c %a "$1" 2>/dev/null) || {
        echo "$2: cannot read the owner of the home $1." >&2
        return 1
    }
    if [ "$certbench_home_owner" != "$(id -u)" ] && [ "$certbench_home_owner" != 0 ]; then
        echo "$2: the home $1 belongs to another user ($(stat -L -c %U "$1")); CertBench runs code kept there only from a home of the user running it (or of root)." >&2
        return 1
    fi
    if [ $((0$certbench_home_mode & 022)) -ne 0 ]; then
        echo "$2: the home $1 is writable by users other than its owner (permissions $certbench_home_mode), who could then choose what CertBench runs. Allow writing to its owner only (chmod go-w $1)." >&2
        return 1
    fi
}

# Makes the directory $1 owner-only unless it is there; refuses (in words, $2 the launcher's name) anything but a
# directory of this user's own: a symbolic link someone placed there would have the framework's storage, which
# holds the code CertBench runs, written where that someone chose.
certbench_private_dir() {
    [ -L "$1" ] || (umask 077 && mkdir "$1") 2>/dev/null
    if [ -L "$1" ] || [ ! -d "$1" ] || [ ! -O "$1" ]; then
        echo "$2: $1 is not a directory of yours (a symbolic link, a file, or another user's); CertBench keeps its framework there only in a directory of its own. Remove it, and CertBench makes it again at the next start." >&2
        return 1
    fi
    chmod go-rwx "$1"
}

# Runs the command (the JVM) and removes the temporary area $1 when it ends, with its exit status. The JVM is not
# exec'd so that the area can be removed: it runs in the background with this script's stdin, and a signal that
# ends the script (a person's Ctrl-C, which a background JVM ignores; a kill) is passed on to it as SIGTERM.
certbench_run_in_private_area() {
    certbench_area_to_remove=$1
    shift
    # a closed stdin (cron, `<&-`) is read as an empty one
    if { true 3<&0; } 2>/dev/null; then exec 3<&0; else exec 3</dev/null; fi
    # set before the JVM starts: a signal in between would otherwise end this script and leave the JVM running
    certbench_jvm=
    certbench_signal=
    trap 'certbench_signal=yes; [ -z "$certbench_jvm" ] || kill -TERM $certbench_jvm 2>/dev/null' HUP INT TERM
    "$@" 0<&3 3<&- &
    certbench_jvm=$!
    exec 3<&-
    [ -z "$certbench_signal" ] || kill -TERM "$certbench_jvm" 2>/dev/null
    wait "$certbench_jvm"
    certbench_status=$?
    # a trapped signal ends the wait, not the JVM
    while kill -0 "$certbench_jvm" 2>/dev/null; do
        wait "$certbench_jvm"
        certbench_status=$?
    done
    trap - HUP INT TERM
    rm -rf "$certbench_area_to_remove"
    return "$certbench_status"
}
