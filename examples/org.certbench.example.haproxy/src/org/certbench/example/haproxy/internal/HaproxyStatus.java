package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certbench.crypto.Certificate;
import org.certbench.example.haproxy.HaproxyFrontend;
import org.certbench.example.haproxy.internal.HaproxyOptions.Address;
import org.certbench.host.HostCertificateException;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/**
 * What {@code haproxy:status} reports, from the runtime API: the frontends ({@code show stat}), their listening
 * ports ({@code show fd}), and the certificate files in memory ({@code show ssl cert}, with their SHA-1). Each
 * listener is asked by a TLS handshake on the host of {@code check.address}; the served certificate is matched
 * to its file by SHA-1, the fingerprint HAProxy 2.6 reports.
 */
final class HaproxyStatus {

    private static final Pattern LISTENER = Pattern.compile("\\bl\\.st=\\S+ fe=(\\S+) fam=\\S+ lport=(\\d+)"); //$NON-NLS-1$

    private final RuntimeSocket socket;
    private final TlsHandshake handshake;

    HaproxyStatus(RuntimeSocket socket, TlsHandshake handshake) {
        this.socket = socket;
        this.handshake = handshake;
    }

    static List<HaproxyFrontend> read(TargetSettings settings) throws HostCertificateException, IOException {
        return listeners(settings).stream().map(Listener::line).toList();
    }

    List<HaproxyFrontend> frontends(Address check, String serverName) throws IOException {
        return listeners(check, serverName).stream().map(Listener::line).toList();
    }

    /**
     * One listener of a frontend and what it serves.
     *
     * @param served the certificate served there, or {@code null} (then {@code line.problem()} says why)
     */
    record Listener(HaproxyFrontend line, Certificate served) {
    }

    static List<Listener> listeners(TargetSettings settings) throws HostCertificateException, IOException {
        HaproxyStatus status = new HaproxyStatus(
                new RuntimeSocket(HaproxyOptions.adminSocket(settings), HaproxyTarget.SOCKET_TIMEOUT),
                new TlsHandshake(HaproxyTarget.HANDSHAKE_TIMEOUT));
        Address check = HaproxyOptions.checkAddress(settings);
        return status.listeners(check, HaproxyOptions.serverName(settings, check));
    }

    List<Listener> listeners(Address check, String serverName) throws IOException {
        Map<String, String> frontends = frontendStates(socket.send("show stat")); //$NON-NLS-1$
        Map<String, TreeSet<Integer>> ports = listenerPorts(socket.send("show fd")); //$NON-NLS-1$
        Map<String, String> filesBySha1 = certificateFiles();
        List<Listener> lines = new ArrayList<>();
        frontends.forEach((name, state) -> {
            TreeSet<Integer> listening = ports.get(name);
            if (listening == null) {
                lines.add(new Listener(new HaproxyFrontend(name, state, null, null, null, null, null,
                        Messages.Status_noListener), null));
                return;
            }
            for (int port : listening) {
                Address address = check.withPort(port);
                try {
                    List<Certificate> chain = handshake.chain(address, serverName);
                    if (chain.isEmpty()) {
                        lines.add(new Listener(new HaproxyFrontend(name, state, address.toString(), null, null, null,
                                null, Messages.Status_noCertificate), null));
                        continue;
                    }
                    Certificate served = chain.get(0);
                    String file = filesBySha1.get(sha1(served));
                    lines.add(new Listener(new HaproxyFrontend(name, state, address.toString(), file, served.subject(),
                            served.sha256Fingerprint(), served.notAfter().toString(),
                            file == null ? Messages.Status_fileUnknown : null), served));
                } catch (HostCertificateException e) {
                    lines.add(new Listener(new HaproxyFrontend(name, state, address.toString(), null, null, null, null,
                            e.getMessage()), null));
                }
            }
        });
        return lines;
    }

    /** Frontend name to state, from the CSV of {@code show stat} (rows whose {@code svname} is FRONTEND). */
    static Map<String, String> frontendStates(String csv) throws IOException {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) { //$NON-NLS-1$
            throw new IOException(NLS.bind(Messages.Status_unexpected, "show stat", HaproxyTarget.words(csv))); //$NON-NLS-1$
        }
        List<String> header = List.of(lines.get(0).substring(2).split(",", -1)); //$NON-NLS-1$
        int name = header.indexOf("pxname"); //$NON-NLS-1$
        int kind = header.indexOf("svname"); //$NON-NLS-1$
        int state = header.indexOf("status"); //$NON-NLS-1$
        Map<String, String> frontends = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1); //$NON-NLS-1$
            if (fields.length > Math.max(name, Math.max(kind, state)) && "FRONTEND".equals(fields[kind])) { //$NON-NLS-1$
                frontends.put(fields[name], fields[state]);
            }
        }
        return frontends;
    }

    /** Frontend name to its TCP listening ports, from the listener lines of {@code show fd}. */
    static Map<String, TreeSet<Integer>> listenerPorts(String fds) {
        Map<String, TreeSet<Integer>> ports = new LinkedHashMap<>();
        Matcher matcher = LISTENER.matcher(fds);
        while (matcher.find()) {
            ports.computeIfAbsent(matcher.group(1), any -> new TreeSet<>()).add(Integer.parseInt(matcher.group(2)));
        }
        return ports;
    }

    /** Upper-case SHA-1 to file name, for every certificate file HAProxy holds in memory. */
    private Map<String, String> certificateFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String line : socket.send("show ssl cert").lines().toList()) { //$NON-NLS-1$
            // a file with an uncommitted transaction is listed a second time, marked with '*'
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#") || file.startsWith("*")) { //$NON-NLS-1$ //$NON-NLS-2$
                continue;
            }
            String sha1 = details(socket.send("show ssl cert " + file)).get("SHA1 FingerPrint"); //$NON-NLS-1$ //$NON-NLS-2$
            if (sha1 != null) {
                files.putIfAbsent(sha1.toUpperCase(java.util.Locale.ROOT), file);
            }
        }
        return files;
    }

    /** The {@code Key: value} lines of {@code show ssl cert FILE}. */
    static Map<String, String> details(String answer) {
        Map<String, String> details = new LinkedHashMap<>();
        answer.lines().forEach(line -> {
            int colon = line.indexOf(": "); //$NON-NLS-1$
            if (colon > 0) {
                details.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        });
        return details;
    }

    private static String sha1(Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.der())); //$NON-NLS-1$
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
