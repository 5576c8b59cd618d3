package io.assent.node.dataset.license;

import java.util.Arrays;
import java.util.Optional;

/** What someone wants to do with a dataset; the permit question is asked per purpose. */
public enum UsePurpose {
  COMMERCIAL_AI_TRAINING("commercial-ai-training"),
  NON_COMMERCIAL_RESEARCH("non-commercial-research"),
  REDISTRIBUTION("redistribution"),
  DERIVATIVE_DATASETS("derivative-datasets");

  private final String id;

  UsePurpose(String id) {
    this.id = id;
  }

  /** The stable id used in the API, the CLI and the policy data. */
  public String id() {
    return id;
  }

  /** The purpose with this id (exact, lower case), or empty. */
  public static Optional<UsePurpose> fromId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
