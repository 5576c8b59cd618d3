package io.assent.node.dataset.license;

import io.assent.node.dataset.license.SpdxLicenseList.LicenseInfo;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A documented rule for licenses without an explicit entry. It matches when any of its criteria
 * does: the id matches {@code idPattern}, the list's name matches {@code namePattern}, or the
 * list's OSI flag equals {@code osiApproved}. Rules never answer ALLOWED (the loader rejects that):
 * a rule classifies by metadata and cannot know every condition of the license text.
 */
record PolicyRule(
    PolicyProfile profile,
    Optional<Pattern> idPattern,
    Optional<Pattern> namePattern,
    Optional<Boolean> osiApproved) {

  boolean matches(LicenseInfo license) {
    return idPattern.map(p -> p.matcher(license.id()).find()).orElse(false)
        || (license.name() != null
            && namePattern.map(p -> p.matcher(license.name()).find()).orElse(false))
        || osiApproved.map(flag -> flag == license.osiApproved()).orElse(false);
  }
}
