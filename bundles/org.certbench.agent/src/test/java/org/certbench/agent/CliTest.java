package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.certbench.agents.protocol.JsonObject;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.PrivateKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as the seed names it, in-process: exit statuses, PEM on stdout, JSON errors on stderr. */
class CliTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    private MicroCa ca;

    @BeforeEach
    void createCa() {
        ca = MicroCa.create(files, "ca");
    }

    private Agents.CliResult cli(String command, String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = command;
        all[1] = "--state-dir";
        all[2] = state.toString();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return Agents.cli(all);
    }

    private static JsonObject error(Agents.CliResult result) throws Exception {
        return JsonObject.parse(result.stderr()).object("error");
    }

    private String fingerprintInUse() throws Exception {
        return Certificates.read(cli("certificate-get").stdout().getBytes(), "get").certificate().sha256Fingerprint();
    }

    /** The seed's CA flow: CSR → openssl x509 -req … -copy_extensions copyall → what-if → apply. */
    private Path issuedByCa() {
        Path csr = files.resolve("AGENT01.req");
        assertEquals(0, cli("certificate-create-csr", "--out-file", csr.toString()).exitCode());
        return ca.issue(csr, "AGENT01.crt");
    }

    @Test
    void certificateGetPrintsPemAndOverwritesAnOutFile() throws Exception {
        Agents.CliResult printed = cli("certificate-get");
        assertEquals(0, printed.exitCode(), printed.stderr());
        assertTrue(printed.stdout().startsWith("-----BEGIN CERTIFICATE-----"), printed.stdout());
        assertEquals("", printed.stderr());

        Path out = Files.writeString(files.resolve("agent.crt"), "old content that is longer than nothing");
        assertEquals(0, cli("certificate-get", "--out-file", out.toString()).exitCode());
        assertEquals(printed.stdout(), Files.readString(out));
    }

    @Test
    void theKeyFileIsOwnerOnlyAndTheDirectoriesToo() throws Exception {
        cli("certificate-get");

        assertEquals("rw-------", permissions(state.resolve("identity.pem")));
        assertEquals("rw-------", permissions(state.resolve("self-signed.pem")));
        assertEquals("rwx------", permissions(state));
        assertEquals("rwx------", permissions(state.resolve("consoles")));
    }

    private static String permissions(Path path) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void csrCarriesTheSeedsSubjectOptionsAndServerAuth() throws Exception {
        Agents.CliResult result = cli("certificate-create-csr", "--common-name", "agent01.corp", "--organization",
                "Example s.r.o.", "--organization-unit", "Ops", "--country", "CZ", "--state", "Praha", "--locality",
                "Praha", "--alternative-names", "agent01,agent01.corp,192.0.2.10");

        assertEquals(0, result.exitCode(), result.stderr());
        CertificationRequest csr = CertificationRequests.read(result.stdout().getBytes(), "csr");
        assertEquals("CN=agent01.corp, OU=Ops, O=Example s.r.o., L=Praha, ST=Praha, C=CZ", csr.subject());
        assertEquals(java.util.List.of("DNS:agent01", "DNS:agent01.corp", "IP:192.0.2.10"), csr.subjectAlternativeNames());
        assertTrue(csr.requestedExtendedKeyUsage().contains("serverAuth"), csr.requestedExtendedKeyUsage().toString());
        assertTrue(csr.hasPublicKey(PrivateKeys.read(state.resolve("identity.pem")).getPublic()));
    }

    @Test
    void whatIfChangesNothingApplyChangesAndSelfSignedRestoresTheSameFingerprintAndRekeyMakesANewKey()
            throws Exception {
        String selfSigned = fingerprintInUse();
        Path issued = issuedByCa();

        Agents.CliResult whatIf = cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file",
                issued.toString(), "--what-if");
        assertEquals(0, whatIf.exitCode(), whatIf.stderr());
        assertTrue(whatIf.stdout().contains("Nothing was changed"), whatIf.stdout());
        assertEquals(selfSigned, fingerprintInUse());

        Agents.CliResult applied = cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file",
                issued.toString());
        assertEquals(0, applied.exitCode(), applied.stderr());
        String caIssued = Certificates.read(issued).certificate().sha256Fingerprint();
        assertEquals(caIssued, fingerprintInUse());

        Agents.CliResult restored = cli("certificate-apply-self-signed");
        assertEquals(0, restored.exitCode(), restored.stderr());
        assertTrue(restored.stdout().contains("in use again"), restored.stdout());
        assertEquals(selfSigned, fingerprintInUse());

        var keyBefore = PrivateKeys.read(state.resolve("identity.pem")).getPublic();
        Agents.CliResult rekeyed = cli("certificate-apply-self-signed", "--rekey");
        assertEquals(0, rekeyed.exitCode(), rekeyed.stderr());
        assertTrue(!keyBefore.equals(PrivateKeys.read(state.resolve("identity.pem")).getPublic()));
        assertTrue(!selfSigned.equals(fingerprintInUse()));
    }

    @Test
    void selfSignedWithoutAKeptCertificateMakesANewOneWithTheExistingKey() throws Exception {
        Path issued = issuedByCa();
        cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file", issued.toString());
        Files.delete(state.resolve("self-signed.pem"));
        var key = PrivateKeys.read(state.resolve("identity.pem")).getPublic();

        Agents.CliResult created = cli("certificate-apply-self-signed");

        assertEquals(0, created.exitCode(), created.stderr());
        assertTrue(created.stdout().contains("for the existing key"), created.stdout());
        assertEquals(key, PrivateKeys.read(state.resolve("identity.pem")).getPublic());
        assertTrue(Certificates.read(state.resolve("identity.pem")).certificate().isSelfSigned());
    }

    @Test
    void certificateOfAnotherCaIsRefused() throws Exception {
        Path issued = issuedByCa();
        MicroCa other = MicroCa.create(files, "other");

        assertRefused(cli("certificate-apply", "--ca-file", other.certificateFile().toString(), "--file",
                issued.toString()), "CERTIFICATE_REJECTED", "not by the CA CN=other");
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        Path expired = ca.issue(PrivateKeys.read(agentIdentity()).getPublic(), Instant.now().minusSeconds(864_000),
                Instant.now().minusSeconds(86_400), "expired.crt");

        assertRefused(apply(expired), "CERTIFICATE_REJECTED", "expired on");
    }

    @Test
    void notYetValidCertificateIsRefused() throws Exception {
        Path future = ca.issue(PrivateKeys.read(agentIdentity()).getPublic(), Instant.now().plusSeconds(86_400),
                Instant.now().plusSeconds(864_000), "future.crt");

        assertRefused(apply(future), "CERTIFICATE_REJECTED", "not valid before");
    }

    @Test
    void certificateWithoutServerAuthIsRefused() throws Exception {
        Path csr = files.resolve("AGENT01.req");
        cli("certificate-create-csr", "--out-file", csr.toString());

        assertRefused(apply(ca.issueClientAuthOnly(csr, "client.crt")), "CERTIFICATE_REJECTED",
                "does not include Server Authentication");
    }

    @Test
    void certificateForAnotherKeyIsRefused() throws Exception {
        agentIdentity();
        Openssl.run(files, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "other.key", "-out", "other.req", "-subj", "/CN=agent01.example.test", "-addext",
                "extendedKeyUsage=serverAuth");

        assertRefused(apply(ca.issue(files.resolve("other.req"), "other.crt")), "CERTIFICATE_REJECTED",
                "does not match the private key of this agent");
    }

    @Test
    void garbageIsRefused() throws Exception {
        Path garbage = Files.write(files.resolve("garbage.crt"), new byte[] { 0x30, 0x03, 0x02, 0x01 });

        Agents.CliResult result = apply(garbage);

        assertEquals(1, result.exitCode());
        assertEquals("INVALID_INPUT", error(result).string("code"));
        assertTrue(error(result).string("message").contains(garbage.toString()), result.stderr());
    }

    @Test
    void missingFileIsRefusedNamingTheFile() throws Exception {
        Path missing = files.resolve("missing.crt");

        Agents.CliResult result = apply(missing);

        assertRefused(result, "FILE_ERROR", missing.toString());
    }

    @Test
    void aRefusedCertificateChangesNothing() throws Exception {
        String before = fingerprintInUse();
        Path expired = ca.issue(PrivateKeys.read(agentIdentity()).getPublic(), Instant.now().minusSeconds(864_000),
                Instant.now().minusSeconds(86_400), "expired.crt");

        apply(expired);

        assertEquals(before, fingerprintInUse());
    }

    @Test
    void unwritableOutFileIsAFileError() throws Exception {
        Path directory = Files.createDirectory(files.resolve("a-directory"));

        assertRefused(cli("certificate-get", "--out-file", directory.toString()), "FILE_ERROR", directory.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "--no-such-option", "--what-if" })
    void unknownOptionIsAUsageErrorWithExitStatus2(String option) throws Exception {
        Agents.CliResult result = cli("certificate-get", option);

        assertEquals(2, result.exitCode());
        assertEquals("INVALID_REQUEST", error(result).string("code"));
        assertTrue(error(result).string("message").contains(option), result.stderr());
    }

    /** Refused before anything starts: no server is bound for a limit that makes no sense. */
    @ParameterizedTest
    @ValueSource(strings = { "0", "-3", "65537", "many", "" })
    void aConnectionLimitThatIsNoCountIsAUsageError(String value) throws Exception {
        for (String option : new String[] { "--max-connections", "--max-connections-per-address" }) {
            Agents.CliResult result = Agents.cli("run", "--state-dir", state.toString(), "--port", "0", option, value);

            assertEquals(2, result.exitCode(), result.stderr());
            assertEquals(option + " must be a number from 1 to 65536, not \"" + value + "\".",
                    error(result).string("message"));
        }
    }

    /** Refused before anything starts, as the connection limits are. */
    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "3601", "10s", "" })
    void aRequestTimeoutThatIsNoNumberOfSecondsIsAUsageError(String value) throws Exception {
        Agents.CliResult result = Agents.cli("run", "--state-dir", state.toString(), "--port", "0", "--request-timeout",
                value);

        assertEquals(2, result.exitCode(), result.stderr());
        assertEquals("--request-timeout must be a number of seconds from 1 to 3600, not \"" + value + "\".",
                error(result).string("message"));
    }

    @Test
    void missingRequiredOptionAndUnknownCommandAreUsageErrors() throws Exception {
        Agents.CliResult missing = cli("certificate-apply", "--file", "x.crt");
        assertEquals(2, missing.exitCode());
        assertTrue(error(missing).string("message").contains("--ca-file"), missing.stderr());

        Agents.CliResult unknown = Agents.cli("certificate-steal");
        assertEquals(2, unknown.exitCode());
        assertTrue(error(unknown).string("message").contains("certificate-steal"), unknown.stderr());

        assertEquals(2, Agents.cli().exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "run", "certificate-get", "certificate-create-csr", "certificate-apply",
            "certificate-apply-self-signed", "console-authorize", "console-list", "console-revoke" })
    void everyCommandHasHelp(String command) {
        Agents.CliResult help = Agents.cli(command, "--help");

        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("Usage: certbench-agent " + command), help.stdout());
        assertTrue(help.stdout().contains("--state-dir"), help.stdout());
        assertTrue(!help.stdout().contains("!HELP"), help.stdout());
    }

    @Test
    void programHelpListsEveryCommand() {
        Agents.CliResult help = Agents.cli("--help");

        assertEquals(0, help.exitCode());
        for (String command : new String[] { "certificate-get", "certificate-create-csr", "certificate-apply",
                "certificate-apply-self-signed", "console-authorize", "console-list", "console-revoke", "run" }) {
            assertTrue(help.stdout().contains(command), command);
        }
        assertTrue(help.stdout().contains("{\"error\": {\"code\""), help.stdout());
    }

    @Test
    void consolesAreAuthorisedListedAndRevoked() throws Exception {
        ConsoleClient console = ConsoleClient.withCertificate("console-a");
        Path pem = console.writeCertificate(files.resolve("console.pem"));
        String fingerprint = console.certificate().sha256Fingerprint();

        Agents.CliResult authorised = cli("console-authorize", "--file", pem.toString());
        assertEquals(0, authorised.exitCode(), authorised.stderr());
        assertTrue(authorised.stdout().contains(fingerprint), authorised.stdout());

        Agents.CliResult listed = cli("console-list");
        assertTrue(listed.stdout().startsWith(fingerprint + "  CN=console-a"), listed.stdout());

        Agents.CliResult revoked = cli("console-revoke", fingerprint.replace(":", "").toLowerCase());
        assertEquals(0, revoked.exitCode(), revoked.stderr());
        assertEquals("", cli("console-list").stdout());

        assertRefused(cli("console-revoke", fingerprint), "NOT_FOUND", fingerprint);
        Agents.CliResult notAFingerprint = cli("console-revoke", "1234");
        assertEquals(2, notAFingerprint.exitCode());
        assertEquals("console-revoke: '1234' is not a SHA-256 fingerprint: it has 4 hexadecimal digits, a SHA-256 "
                + "fingerprint has 64 (colons and spaces allowed).", error(notAFingerprint).string("message"));
        Agents.CliResult notHex = cli("console-revoke", "x" + fingerprint.substring(1));
        assertEquals(2, notHex.exitCode());
        assertTrue(error(notHex).string("message").contains("'x' is not a hexadecimal digit"), notHex.stderr());
    }

    @Test
    void authorisingAKeyInsteadOfACertificateIsRefused() throws Exception {
        assertRefused(cli("console-authorize", "--file", ca.keyFile().toString()), "INVALID_INPUT",
                "contains a private key, not a certificate");
    }

    private Agents.CliResult apply(Path certificate) {
        return cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file", certificate.toString());
    }

    private Path agentIdentity() {
        cli("certificate-get");
        return state.resolve("identity.pem");
    }

    private static void assertRefused(Agents.CliResult result, String code, String messagePart) throws Exception {
        assertEquals(1, result.exitCode(), result.stderr());
        assertEquals("", result.stdout());
        assertEquals(code, error(result).string("code"), result.stderr());
        assertTrue(error(result).string("message").contains(messagePart), result.stderr());
    }
}
