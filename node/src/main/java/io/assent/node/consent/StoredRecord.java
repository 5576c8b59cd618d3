package io.assent.node.consent;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A decrypted consent record with its salt; {@code record} is exactly what the leaf commits to. */
public record StoredRecord(
    String consentId, String salt, ObjectNode record, ConsentStatus status) {}
