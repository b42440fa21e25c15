package org.certbench.agent.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.certbench.agent.AgentLog;
import org.certbench.agent.Messages;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agents.protocol.ApplyCertificateRequest;
import org.certbench.agents.protocol.ApplySelfSignedRequest;
import org.certbench.agents.protocol.CsrRequest;
import org.certbench.agents.protocol.CsrResponse;
import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ErrorResponse;
import org.certbench.agents.protocol.JsonObject;
import org.certbench.agents.protocol.KeySwitchRequest;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.agents.protocol.RekeyCsrRequest;

/** The management API's calls for an authorised console; each maps to one {@link CertificateManager} operation. */
final class ManagementApi {

    /** Who a change was made by when the server did not say which console called. */
    static final String UNKNOWN_CONSOLE = "console (certificate unreadable)";

    /**
     * The JVM option ({@code -Dcertbench.agent.protocol=1.1}) with which the agent answers as an agent of an older
     * protocol version: the calls added since are unknown to it, as they are to such an agent. Consoles are tried
     * against an older fleet with it; unset, the agent speaks {@link #PROTOCOL}.
     */
    static final String PROTOCOL_PROPERTY = "certbench.agent.protocol";
    /** The protocol version this agent speaks. */
    static final String PROTOCOL = "1.2";

    private final CertificateManager certificates;
    private final AgentLog log;
    private final Set<Endpoint> unknown;

    ManagementApi(CertificateManager certificates, AgentLog log) throws ProtocolException {
        this(certificates, log, System.getProperty(PROTOCOL_PROPERTY, PROTOCOL));
    }

    ManagementApi(CertificateManager certificates, AgentLog log, String protocol) throws ProtocolException {
        this.certificates = certificates;
        this.log = log;
        this.unknown = unknownIn(protocol);
        if (!unknown.isEmpty()) {
            log.info("LOG_OLDER_PROTOCOL", protocol, unknown.stream().map(Endpoint::path).toList());
        }
    }

    /** The calls an agent of {@code protocol} does not have (see {@link Endpoint}: since which version each is). */
    private static Set<Endpoint> unknownIn(String protocol) throws ProtocolException {
        Set<Endpoint> unknown = EnumSet.noneOf(Endpoint.class);
        switch (protocol.strip()) {
            case "1.0":
                unknown.add(Endpoint.CREATE_CSR_NEW_KEY);
                // fall through: 1.0 lacks what 1.1 lacks too
            case "1.1":
                unknown.addAll(EnumSet.of(Endpoint.CREATE_CSR_REKEY, Endpoint.CONFIRM_KEY_SWITCH,
                        Endpoint.ROLL_BACK_KEY_SWITCH));
                // fall through
            case PROTOCOL:
                return unknown;
            default:
                throw new ProtocolException(ErrorCode.INVALID_INPUT,
                        Messages.format("CLI_INVALID_PROTOCOL", PROTOCOL_PROPERTY, protocol));
        }
    }

    /**
     * Answers one request of an authorised console.
     *
     * @param console the SHA-256 fingerprint of the console's client certificate ({@link
     *                org.certbench.agent.state.ConsoleRegistry#fingerprint}): who made a change, in the audit log
     */
    HttpResponse handle(HttpRequestHead request, byte[] body, String console) {
        Endpoint endpoint = Endpoint.atPath(request.path()).filter(known -> !unknown.contains(known)).orElse(null);
        if (endpoint == null) {
            return HttpResponse.error(new ErrorResponse(ErrorCode.NOT_FOUND,
                    Messages.format("API_NOT_FOUND", request.path()), Map.of()));
        }
        if (!endpoint.method().equals(request.method())) {
            return HttpResponse.error(new ErrorResponse(ErrorCode.METHOD_NOT_ALLOWED,
                    Messages.format("API_METHOD_NOT_ALLOWED", request.method(), request.path(), endpoint.method()),
                    Map.of())).withHeader("Allow", endpoint.method());
        }
        try {
            return HttpResponse.ok(call(endpoint, body, console));
        } catch (ProtocolException e) {
            return HttpResponse.error(e.toErrorResponse());
        } catch (RuntimeException e) {
            log.warn("LOG_INTERNAL_ERROR", request.method(), request.path(), String.valueOf(e));
            return HttpResponse.error(new ErrorResponse(ErrorCode.INTERNAL_ERROR,
                    Messages.format("API_INTERNAL_ERROR", e.getClass().getSimpleName()), Map.of()));
        }
    }

    private Map<String, Object> call(Endpoint endpoint, byte[] body, String console) throws ProtocolException {
        return switch (endpoint) {
            case GET_CERTIFICATE -> certificates.certificate().toJson();
            case CREATE_CSR -> new CsrResponse(certificates.createCsr(CsrRequest.fromJson(json(body)))).toJson();
            case CREATE_CSR_NEW_KEY -> new CsrResponse(certificates.createCsrWithNewKey(CsrRequest.fromJson(json(body))))
                    .toJson();
            case CREATE_CSR_REKEY -> {
                RekeyCsrRequest request = RekeyCsrRequest.fromJson(json(body));
                yield new CsrResponse(certificates.createCsrWithNewKey(request.csr(),
                        CertificateManager.keyType(request.keyType()))).toJson();
            }
            case CONFIRM_KEY_SWITCH -> certificates
                    .confirmKeySwitch(KeySwitchRequest.fromJson(json(body)).certificate(), console).toJson();
            case ROLL_BACK_KEY_SWITCH -> certificates
                    .rollBackKeySwitch(KeySwitchRequest.fromJson(json(body)).certificate(), console).toJson();
            case APPLY_CERTIFICATE -> {
                ApplyCertificateRequest request = ApplyCertificateRequest.fromJson(json(body));
                yield certificates.applyIssued(request.caCertificate().getBytes(StandardCharsets.UTF_8),
                        "caCertificate", request.certificate().getBytes(StandardCharsets.UTF_8), "certificate",
                        request.whatIf(), console).toJson();
            }
            case APPLY_SELF_SIGNED -> certificates
                    .applySelfSigned(ApplySelfSignedRequest.fromJson(json(body)).rekey(), console).toJson();
        };
    }

    /** The body as a JSON object; an empty body is an empty object, so calls without parameters need none. */
    private static JsonObject json(byte[] body) throws ProtocolException {
        if (body.length == 0) {
            return JsonObject.parse("{}");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return JsonObject.parse(text);
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, Messages.format("API_NOT_UTF8"));
        }
    }
}
