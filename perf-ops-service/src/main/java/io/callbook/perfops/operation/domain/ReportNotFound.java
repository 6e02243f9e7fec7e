package io.callbook.perfops.operation.domain;

import java.util.UUID;

public final class ReportNotFound extends OpsException {

    public ReportNotFound(UUID id) {
        super("Report " + id + " not found");
    }
}
