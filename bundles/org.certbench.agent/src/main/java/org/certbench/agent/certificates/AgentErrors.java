package org.certbench.agent.certificates;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.agent.Messages;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.CertificateRejectedException;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.CryptoProblem;

/**
 * Turns the crypto core's and the file system's refusals into the protocol's error shape, keeping the
 * crypto core's message (it names the file and the reason in words) and its code in the details.
 */
public final class AgentErrors {

    private AgentErrors() {
    }

    public static ProtocolException fromCrypto(CertBenchCryptoException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cryptoCode", e.code().name());
        if (e instanceof CertificateRejectedException rejected) {
            List<Object> problems = new ArrayList<>();
            for (CryptoProblem problem : rejected.problems()) {
                problems.add(Map.of("code", problem.code().name(), "message", problem.message()));
            }
            details.put("problems", problems);
        }
        return new ProtocolException(codeFor(e.code()), e.getMessage(), details, e);
    }

    /** The agent's own state could not be read or written: not the caller's fault. */
    public static ProtocolException fromStateIo(IOException e, Path stateDirectory) {
        return new ProtocolException(ErrorCode.INTERNAL_ERROR,
                Messages.format("STATE_IO_FAILED", stateDirectory, describe(e)), Map.of("state", stateDirectory.toString()), e);
    }

    /** A file the administrator named could not be read or written. */
    public static ProtocolException fromFileIo(IOException e, Path file, String messageKey) {
        return new ProtocolException(ErrorCode.FILE_ERROR, Messages.format(messageKey, file, describe(e)),
                Map.of("file", file.toString()), e);
    }

    /** The reason in words: NoSuchFileException and its kin carry only the path as their message. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Messages.format("IO_NO_SUCH_FILE");
        }
        if (e instanceof AccessDeniedException) {
            return Messages.format("IO_ACCESS_DENIED");
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static ErrorCode codeFor(CryptoErrorCode code) {
        return switch (code) {
            case CERTIFICATE_REJECTED -> ErrorCode.CERTIFICATE_REJECTED;
            case FILE_UNREADABLE -> ErrorCode.FILE_ERROR;
            case INPUT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case SIGNING_FAILED, KEY_GENERATION_FAILED -> ErrorCode.INTERNAL_ERROR;
            default -> ErrorCode.INVALID_INPUT;
        };
    }
}
