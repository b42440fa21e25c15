# Sourced by CertBench's launchers and build script: finds a Java 21 or newer, the oldest the
# Eclipse platform runs on. JAVA_HOME wins when it is new enough; then every JDK under /usr/lib/jvm
# (newest first; CERTBENCH_JDK_DIRS names other directories to search); then `java` on the PATH.
# Never falls back to an older one.

certbench_java_feature() {
    # prints the feature version (17, 21, 25, ...) of the JDK or JRE at $1, or nothing. The release file
    # answers without starting a JVM (launch time counts); asking java itself is the fallback.
    if [ -r "$1/release" ]; then
        sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$1/release" | head -n 1
    else
        "$1/bin/java" -XshowSettings:properties -version 2>&1 |
            sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
    fi
}

certbench_java_home() {
    for candidate in "${JAVA_HOME:-}" $(ls -d ${CERTBENCH_JDK_DIRS:-/usr/lib/jvm}/*/ 2>/dev/null | sort -rV) \
        "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
        candidate=${candidate%/}
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
        feature=$(certbench_java_feature "$candidate")
        if [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
    done
    # Debian 12 packages no JDK 21+, so this names one to install rather than an apt package
    echo "CertBench needs Java 21 or newer (none found in JAVA_HOME, /usr/lib/jvm or on the PATH): install a JDK 21+, e.g. Eclipse Temurin 21 from adoptium.net, and set JAVA_HOME to it." >&2
    return 1
}
