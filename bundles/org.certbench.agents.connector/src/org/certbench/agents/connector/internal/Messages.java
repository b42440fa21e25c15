package org.certbench.agents.connector.internal;

import org.eclipse.osgi.util.NLS;

/** The connector's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.agents.connector.internal.messages"; //$NON-NLS-1$

    public static String Add_badHost;
    public static String Add_badPort;
    public static String Add_fingerprintMismatch;
    public static String Add_unreachable;
    public static String Agent_exists;
    public static String Agent_nameControl;
    public static String Agent_nameMissing;
    public static String Agent_nameTooLong;
    public static String Agent_removedMeanwhile;
    public static String Agent_unknown;
    public static String Apply_notApplied;
    public static String Reissue_hostNotNamed;
    public static String Reissue_noCommonName;
    public static String Reissue_notIssued;
    public static String Reissue_otherKey;
    public static String Reissue_rejected;
    public static String Reissue_rekeyUnsupported;
    public static String Apply_notPresented;
    public static String Batch_canceled;
    public static String Batch_internalError;
    public static String Call_badAnswer;
    public static String Call_consoleNotAuthorised;
    public static String Call_failed;
    public static String Call_notJson;
    public static String Call_refused;
    public static String Call_timeout;
    public static String Call_untrusted;
    public static String Connect_failed;
    public static String Connect_handshakeFailed;
    public static String Connect_handshakeTimeout;
    public static String Connect_noCertificate;
    public static String Connect_noTls;
    public static String Connect_refused;
    public static String Connect_timeout;
    public static String Connect_unknownHost;
    public static String Connect_unreadableCertificate;
    public static String Call_deadline;
    public static String Response_badContentLength;
    public static String Response_closedEarly;
    public static String Response_lineTooLong;
    public static String Response_noContentLength;
    public static String Response_notHttp;
    public static String Response_tooLarge;
    public static String Response_tooManyHeaders;
    public static String Response_truncated;
    public static String Console_cannotExport;
    public static String Console_unusable;
    public static String Csr_cannotWrite;
    public static String Csr_directoryNotWritable;
    public static String Csr_directoryUnusable;
    public static String Csr_notNewKey;
    public static String Csr_otherKey;
    public static String Csv_badHeader;
    public static String Csv_badPort;
    public static String Csv_empty;
    public static String Csv_fieldCount;
    public static String Csv_lineLabel;
    public static String Csv_missing;
    public static String Csv_noHost;
    public static String Csv_notUtf8;
    public static String Csv_tooLarge;
    public static String Csv_unreadable;
    public static String Files_noDirectory;
    public static String Files_none;
    public static String Files_tooMany;
    public static String Files_unreadable;
    public static String Files_unreadableDirectory;
    public static String Import_alreadyPresent;
    public static String Import_otherAddress;
    public static String SelfSigned_notSelfSigned;
    public static String Store_cannotRead;
    public static String Store_cannotWrite;
    public static String Store_lastSeenWritten;
    public static String Store_lastSeenRead;
    public static String Store_cannotLock;
    public static String Store_certificateChanged;
    public static String Store_missingProperty;
    public static String Store_unreadableAgent;
    public static String Command_fingerprintForOne;
    public static String Command_pinnedCertificate;
    public static String Command_pinnedKey;
    public static String Command_pinWouldChange;
    public static String Command_imported;
    public static String Command_importWhat;
    public static String Command_removed;
    public static String Command_csrSaved;
    public static String Command_verified;
    public static String Command_applied;
    public static String Command_selfSigned;
    public static String Command_selfSignedAlreadyInUse;
    public static String Command_selfSignedRestored;
    public static String Command_selfSignedCreated;
    public static String Command_selfSignedRekeyed;
    public static String Command_namesOrUntrusted;
    public static String Command_pinned;
    public static String Command_pinnedWas;
    public static String Command_trustsCa;
    public static String Command_trustsCaWas;
    public static String Command_alreadyTrusted;
    public static String Command_whichAgents;
    public static String Command_missingOption;
    public static String Command_batchFailed;
    public static String Command_batchLine;
    public static String Command_batchNote;
    public static String Command_withNote;
    public static String Command_yes;
    public static String Command_no;
    public static String Command_ca;
    public static String Trust_alreadyTrusted;
    public static String Trust_caExpired;
    public static String Trust_revoked;
    public static String Trust_expired;
    public static String Trust_notConfirmed;
    public static String Trust_notYetValid;
    public static String Trust_otherCa;
    public static String Trust_pinnedExpired;
    public static String Trust_pinnedUnknownCa;
    public static String Trust_refusedInvalid;
    public static String Trust_selfSignedChanged;
    public static String Trust_selfSignedNotPinned;
    public static String Trust_unknownCa;
    public static String Trust_keyPinned;
    public static String Trust_notForThisAgent;
    public static String Trust_notForThisAgentNoKey;
    public static String Verify_caUnreadable;
    public static String Verify_fileOfOtherAgent;
    public static String Verify_fileOfOtherKey;
    public static String Verify_foundByKey;
    public static String Verify_noFile;
    public static String Verify_notCa;
    public static String Verify_rejected;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
