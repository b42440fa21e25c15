package org.certbench.crypto.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.InputTooLargeException;
import org.certbench.crypto.MalformedInputException;

/**
 * The single place where files are split into PEM blocks or DER structures (certificate, key and CSR
 * readers all start here). PEM is recognised anywhere in the file, so text before, between and after
 * blocks, CRLF line ends and several blocks are fine; a file without a PEM marker is read as DER.
 */
public final class ContentScanner {

    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final int SEQUENCE_TAG = 0x30;
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private ContentScanner() {
    }

    public static ScannedContent scan(byte[] content, String name)
            throws InputTooLargeException, MalformedInputException {
        BoundedInput.requireWithinLimit(content.length, name);
        if (isBlank(content)) {
            throw new MalformedInputException(CryptoErrorCode.EMPTY_INPUT, name);
        }
        // ISO-8859-1 maps every byte to one char, so binary input cannot fail decoding.
        String text = new String(withoutBom(content), StandardCharsets.ISO_8859_1);
        if (text.contains(PEM_BEGIN)) {
            return new ScannedContent(true, pemItems(text, name));
        }
        if ((content[0] & 0xFF) == SEQUENCE_TAG) {
            return new ScannedContent(false, derItems(content, name));
        }
        if (looksLikeText(content)) {
            return new ScannedContent(false, List.of());
        }
        throw new MalformedInputException(CryptoErrorCode.NOT_PEM_OR_DER, name);
    }

    private static List<ContentItem> pemItems(String text, String name) throws MalformedInputException {
        List<ContentItem> items = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                items.add(new ContentItem(pemKind(block), block.getContent()));
            }
        } catch (IOException | RuntimeException e) {
            // PemReader reports a missing END line as IOException and bad Base64 as a runtime DecoderException.
            throw new MalformedInputException(e, CryptoErrorCode.DAMAGED_PEM, name, String.valueOf(e.getMessage()));
        }
        return items;
    }

    private static ItemKind pemKind(PemObject block) {
        String type = block.getType().trim().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" -> ItemKind.CERTIFICATE;
            case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST" -> ItemKind.CSR;
            case "PRIVATE KEY" -> ItemKind.PKCS8_KEY;
            case "ENCRYPTED PRIVATE KEY" -> ItemKind.ENCRYPTED_PKCS8_KEY;
            case "RSA PRIVATE KEY" -> legacyKey(block, ItemKind.PKCS1_RSA_KEY);
            case "EC PRIVATE KEY" -> legacyKey(block, ItemKind.SEC1_EC_KEY);
            case "DSA PRIVATE KEY" -> legacyKey(block, ItemKind.OPENSSL_DSA_KEY);
            default -> ItemKind.OTHER;
        };
    }

    private static ItemKind legacyKey(PemObject block, ItemKind plain) {
        for (Object header : block.getHeaders()) {
            PemHeader pemHeader = (PemHeader) header;
            if ("Proc-Type".equalsIgnoreCase(pemHeader.getName()) && pemHeader.getValue().contains("ENCRYPTED")) {
                return ItemKind.LEGACY_ENCRYPTED_KEY;
            }
        }
        return plain;
    }

    private static List<ContentItem> derItems(byte[] content, String name) throws MalformedInputException {
        long declared = declaredLength(content);
        if (declared > content.length) {
            throw new MalformedInputException(CryptoErrorCode.TRUNCATED_DER, name, content.length, declared);
        }
        List<ContentItem> items = new ArrayList<>();
        try (ASN1InputStream in = new ASN1InputStream(content)) {
            for (ASN1Primitive object = in.readObject(); object != null; object = readNext(in)) {
                items.add(new ContentItem(DerShapes.classify(object), object.getEncoded("DER")));
            }
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.NOT_PEM_OR_DER, name);
        }
        return items;
    }

    /** Bytes after the first structure are read only when they are further structures, never garbage. */
    private static ASN1Primitive readNext(ASN1InputStream in) {
        try {
            return in.readObject();
        } catch (IOException | RuntimeException trailingBytes) {
            return null;
        }
    }

    /** Header plus content length of the outer DER element, or -1 when it is of indefinite length. */
    static long declaredLength(byte[] content) {
        if (content.length < 2) {
            return 2;
        }
        int first = content[1] & 0xFF;
        if (first < 0x80) {
            return 2L + first;
        }
        int lengthBytes = first & 0x7F;
        if (lengthBytes == 0 || lengthBytes > 4) {
            return -1;
        }
        if (content.length < 2 + lengthBytes) {
            return 2L + lengthBytes;
        }
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (content[2 + i] & 0xFF);
        }
        return 2L + lengthBytes + length;
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] content) {
        for (byte b : content) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static byte[] withoutBom(byte[] content) {
        if (content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2]) {
            return Arrays.copyOfRange(content, 3, content.length);
        }
        return content;
    }
}
