package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.protocol.CsrRequest;
import org.certbench.agents.protocol.CsrResponse;
import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.agents.protocol.RekeyCsrRequest;
import org.certbench.core.AtomicFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.KeyType;
import org.eclipse.osgi.util.NLS;

/**
 * "Generate CSRs": each agent signs a CSR with its own key (the key never leaves the agent), the console
 * checks that it is signed by the key the agent presented in this very connection, and writes it to
 * {@code NAME.csr}.
 */
final class CsrOperation {

    private final FleetParts parts;

    CsrOperation(FleetParts parts) {
        this.parts = parts;
    }

    BatchResult<CsrFile> run(List<String> names, CsrSubject subject, Path directory, BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(names.size());
        String directoryProblem = prepare(directory);
        Map<String, String> fileNames = fileNames(names);
        CsrSubject attributes = subject == null ? CsrSubject.NONE : subject;
        BatchResult<CsrFile> result = parts.runner().run(names, name -> name, relay,
                BatchRunner.Reporting.EACH_RESULT, name -> {
                    if (directoryProblem != null) {
                        return AgentResult.failed(name, directoryProblem);
                    }
                    return generate(parts.inventory().get(name), attributes, directory.resolve(fileNames.get(name)));
                });
        return madeDurable(result);
    }

    /**
     * The CSR files were written atomically but not flushed one by one (a journal commit each, a third of a
     * CSR's cost): one flush for the batch. A CSR whose file cannot be flushed does not count as written.
     */
    private static BatchResult<CsrFile> madeDurable(BatchResult<CsrFile> result) {
        Map<Path, IOException> failed = AtomicFiles.sync(result.values().stream().map(CsrFile::file).toList());
        if (failed.isEmpty()) {
            return result;
        }
        List<AgentResult<CsrFile>> results = result.results().stream()
                .map(each -> each.succeeded() && failed.containsKey(each.value().file())
                        ? AgentResult.<CsrFile> failed(each.agent(), NLS.bind(Messages.Csr_cannotWrite,
                                each.value().file(), failed.get(each.value().file()).getMessage()))
                        : each)
                .toList();
        return new BatchResult<>(results, result.notices());
    }

    private AgentResult<CsrFile> generate(AgentEntry agent, CsrSubject subject, Path file)
            throws AgentCallException, FleetException {
        CsrRequest request = new CsrRequest("", subject.organization(), subject.organizationUnit(), //$NON-NLS-1$
                subject.country(), subject.state(), subject.locality(), List.of());
        Signed signed = signed(agent, request);
        if (signed.problem() != null) {
            return AgentResult.failed(agent.name(), signed.problem());
        }
        CertificationRequest csr = signed.csr();
        try {
            AtomicFiles.writeUnsynced(file, csr.pem().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return AgentResult.failed(agent.name(), NLS.bind(Messages.Csr_cannotWrite, file, e.getMessage()));
        }
        return AgentResult.succeeded(agent.name(),
                new CsrFile(agent.name(), file, csr.subject(), csr.subjectAlternativeNames()), null);
    }

    /**
     * A CSR the agent made, and the certificate it presented in that connection; or why there is none, in words.
     */
    record Signed(CertificationRequest csr, Certificate presented, String problem) {
    }

    /**
     * Asks the agent for a CSR and checks that it is signed by the key the agent presented in this very connection
     * (the key never leaves the agent; a CSR for another key is refused).
     */
    Signed signed(AgentEntry agent, CsrRequest request) throws AgentCallException, FleetException {
        return signed(agent, request, (endpoint, json) -> parts.connector().call(agent, endpoint, json));
    }

    /** As {@link #signed(AgentEntry, CsrRequest)}, the call made by {@code caller} (a renewal's session). */
    Signed signed(AgentEntry agent, CsrRequest request, AgentConnector.Caller caller)
            throws AgentCallException, FleetException {
        AgentConnector.Reply reply = caller.call(Endpoint.CREATE_CSR, request.toJson());
        try {
            String pem = CsrResponse.fromJson(reply.body()).csr();
            CertificationRequest csr = CertificationRequests.read(pem.getBytes(StandardCharsets.US_ASCII),
                    agent.name());
            if (!csr.isSignatureValid() || !csr.hasPublicKey(reply.presented().publicKey())) {
                return new Signed(null, reply.presented(), Messages.Csr_otherKey);
            }
            return new Signed(csr, reply.presented(), null);
        } catch (ProtocolException | CertBenchCryptoException e) {
            return new Signed(null, reply.presented(), NLS.bind(Messages.Call_badAnswer, e.getMessage()));
        }
    }

    /**
     * Asks the agent for a CSR with a new key of {@code keyType}, which it keeps pending and which, once applied,
     * keeps the pair served before until this console confirms or rolls back (protocol 1.2); checks that the CSR is
     * signed by a key other than the one the agent presented in this very connection.
     *
     * @return the CSR, or why there is none in words (an agent of protocol 1.1 or older has no such call: it would
     *         drop its previous key at the switch, leaving nothing to roll back to)
     */
    Signed signedWithNewKey(AgentEntry agent, CsrRequest request, KeyType keyType)
            throws AgentCallException, FleetException {
        return signedWithNewKey(agent, request, keyType,
                (endpoint, json) -> parts.connector().call(agent, endpoint, json));
    }

    /**
     * As {@link #signedWithNewKey(AgentEntry, CsrRequest, KeyType)}, the call made by {@code caller} (a renewal's
     * session).
     */
    Signed signedWithNewKey(AgentEntry agent, CsrRequest request, KeyType keyType, AgentConnector.Caller caller)
            throws AgentCallException, FleetException {
        AgentConnector.Reply reply;
        try {
            reply = caller.call(Endpoint.CREATE_CSR_REKEY, new RekeyCsrRequest(request, keyType.displayName()).toJson());
        } catch (AgentCallException e) {
            if (e.kind() == AgentCallException.Kind.REFUSED && e.errorCode() == ErrorCode.NOT_FOUND) {
                return new Signed(null, null, Messages.Reissue_rekeyUnsupported);
            }
            throw e;
        }
        try {
            String pem = CsrResponse.fromJson(reply.body()).csr();
            CertificationRequest csr = CertificationRequests.read(pem.getBytes(StandardCharsets.US_ASCII),
                    agent.name());
            if (!csr.isSignatureValid() || csr.hasPublicKey(reply.presented().publicKey())) {
                return new Signed(null, reply.presented(), Messages.Csr_notNewKey);
            }
            return new Signed(csr, reply.presented(), null);
        } catch (ProtocolException | CertBenchCryptoException e) {
            return new Signed(null, reply.presented(), NLS.bind(Messages.Call_badAnswer, e.getMessage()));
        }
    }

    /** Creates the directory when missing; the problem in words, or {@code null}. */
    private static String prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.isWritable(directory) ? null : NLS.bind(Messages.Csr_directoryNotWritable, directory);
        } catch (IOException e) {
            return NLS.bind(Messages.Csr_directoryUnusable, directory, e.getMessage());
        }
    }

    /**
     * The file of each agent. Names that would differ only by case get a hash as well, so that no two agents
     * share a file even on a case-insensitive file system (a CSR directory may be a Windows share).
     */
    static Map<String, String> fileNames(List<String> names) {
        Map<String, List<String>> byFoldedName = names.stream().distinct().collect(Collectors
                .groupingBy(name -> AgentFileNames.csrBaseName(name).toLowerCase(Locale.ROOT)));
        Map<String, String> files = new HashMap<>();
        for (List<String> group : byFoldedName.values()) {
            for (String name : group) {
                String base = group.size() == 1 ? AgentFileNames.csrBaseName(name)
                        : AgentFileNames.csrBaseNameWithHash(name);
                files.put(name, base + ".csr"); //$NON-NLS-1$
            }
        }
        return files;
    }
}
