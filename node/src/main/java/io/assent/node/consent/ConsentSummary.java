package io.assent.node.consent;

import java.util.List;

/** One of a subject's consents, as {@code GET /v1/subjects/{did}/consents} lists it. */
public record ConsentSummary(
    String consentId,
    String status,
    String dataset,
    List<String> purposes,
    long validFrom,
    long validUntil,
    long acceptedAt) {}
