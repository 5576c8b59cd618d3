package io.assent.node.consent;

import java.util.List;

/**
 * The answer to "may {@code dataset} use {@code subject}'s data for {@code purpose} at {@code at}".
 * {@code permitted} with reason {@code granted} (some consent anchored) or {@code pending}
 * (accepted, not yet anchored: an acknowledged record is valid); otherwise {@code withdrawn},
 * {@code expired}, {@code notYetValid} or {@code noConsent}.
 */
public record CheckResult(
    boolean permitted,
    String reason,
    boolean anchored,
    List<String> consentIds,
    List<Evidence> evidence) {

  /** What lets a verifier confirm the answer on chain. */
  public record Evidence(
      String consentId,
      String kind,
      String root,
      String txHash,
      long blockNumber,
      List<String> proof) {}
}
