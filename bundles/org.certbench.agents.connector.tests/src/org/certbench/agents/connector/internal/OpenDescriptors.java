package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A process's open file descriptors by kind ({@code /proc/PID/fd} on Linux): sockets, pipes, epoll and other
 * anonymous inodes, files. The fleet benchmark prints them to show what each agent and
 * the console hold; elsewhere an empty census.
 */
final class OpenDescriptors {

    private OpenDescriptors() {
    }

    static Map<String, Integer> census() {
        return census(ProcessHandle.current().pid());
    }

    /** The descriptors of process {@code pid} by kind. */
    static Map<String, Integer> census(long pid) {
        Map<String, Integer> kinds = new TreeMap<>();
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return kinds;
        }
        try (Stream<Path> entries = Files.list(fds)) {
            entries.forEach(fd -> kinds.merge(kind(fd), 1, Integer::sum));
        } catch (IOException e) {
            kinds.put("unreadable: " + e.getMessage(), 1);
        }
        return kinds;
    }

    private static String kind(Path fd) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            // closed between listing and reading (the listing's own descriptor, a connection ending)
            return "gone";
        }
        int bracket = target.indexOf(":[");
        if (bracket > 0) {
            return target.substring(0, bracket);
        }
        if (target.startsWith("anon_inode:")) {
            return target;
        }
        // jars, logs, the JFR recording: the same few whatever the fleet's size
        return "file";
    }

    static int total(Map<String, Integer> census) {
        return census.values().stream().mapToInt(Integer::intValue).sum();
    }
}
