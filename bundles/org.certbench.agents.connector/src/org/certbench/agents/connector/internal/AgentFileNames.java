package org.certbench.agents.connector.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names derived from agent names. An agent's name may hold any character (spaces, slashes, non-ASCII),
 * so names are never used as they are.
 */
final class AgentFileNames {

    /** Leaves room below the usual 255-byte limit for an extension and the temporary files' decoration. */
    private static final int MAX_STORAGE_NAME = 180;
    private static final int MAX_CSR_NAME = 100;

    private AgentFileNames() {
    }

    /**
     * The inventory file's base name: readable and one-to-one (percent-encoding of every byte outside
     * {@code A-Z a-z 0-9 _ -} and of a dot in first place); an overlong name is cut and made unique by a hash.
     * The file holds the real name, so this mapping is only ever computed, never parsed back.
     */
    static String storageName(String agent) {
        StringBuilder encoded = new StringBuilder();
        byte[] bytes = agent.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
                    || b == '-' || b == '.' && i > 0;
            if (plain) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        if (encoded.length() > MAX_STORAGE_NAME) {
            return encoded.substring(0, MAX_STORAGE_NAME - 17) + "~" + hash(agent, 16); //$NON-NLS-1$
        }
        return encoded.toString();
    }

    /**
     * The base name of the agent's CSR file: the name itself when it is already a safe file name (letters,
     * digits, {@code . _ -}, no leading dot, no {@code ..}); otherwise every other character becomes
     * {@code _} and a short hash of the real name is appended, so that two names that differ only in unsafe
     * characters never share a file, and the same agent gets the same file in every batch (a retry
     * overwrites its own file, never another agent's).
     */
    static String csrBaseName(String agent) {
        if (isSafe(agent)) {
            return agent;
        }
        StringBuilder safe = new StringBuilder();
        for (char c : agent.toCharArray()) {
            safe.append(isSafeCharacter(c) ? c : '_');
        }
        String cleaned = safe.toString().replace("..", "__"); //$NON-NLS-1$ //$NON-NLS-2$
        while (cleaned.startsWith(".")) { //$NON-NLS-1$
            cleaned = "_" + cleaned.substring(1); //$NON-NLS-1$
        }
        if (cleaned.length() > MAX_CSR_NAME) {
            cleaned = cleaned.substring(0, MAX_CSR_NAME);
        }
        return (cleaned.isEmpty() ? "agent" : cleaned) + "-" + hash(agent, 8); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** A name with a hash appended even when it is safe: for names that clash only by case in one batch. */
    static String csrBaseNameWithHash(String agent) {
        String base = csrBaseName(agent);
        return base.equals(agent) ? agent + "-" + hash(agent, 8) : base; //$NON-NLS-1$
    }

    static boolean isSafe(String name) {
        if (name.isEmpty() || name.length() > MAX_CSR_NAME || name.startsWith(".") || name.contains("..")) { //$NON-NLS-1$ //$NON-NLS-2$
            return false;
        }
        return name.chars().allMatch(c -> isSafeCharacter((char) c));
    }

    private static boolean isSafeCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.';
    }

    private static String hash(String agent, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(agent.getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e); //$NON-NLS-1$
        }
    }
}
