package org.certbench.agent.certificates;

import java.util.ArrayList;
import java.util.List;

import org.certbench.agents.protocol.CsrRequest;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.InvalidRequestException;
import org.certbench.crypto.SubjectAlternativeName;

/** A CSR request of the API or the CLI as the crypto core's options; names are checked by the crypto core. */
final class CsrRequests {

    private CsrRequests() {
    }

    static CsrOptions toOptions(CsrRequest request) throws InvalidRequestException {
        List<SubjectAlternativeName> names = new ArrayList<>();
        for (String name : request.alternativeNames()) {
            if (!name.isBlank()) {
                names.add(SubjectAlternativeName.parse(name));
            }
        }
        return new CsrOptions(request.commonName(), request.organization(), request.organizationUnit(),
                request.country(), request.state(), request.locality(), names);
    }
}
