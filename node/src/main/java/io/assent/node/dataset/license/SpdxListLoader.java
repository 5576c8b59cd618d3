package io.assent.node.dataset.license;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.node.dataset.license.SpdxLicenseList.LicenseInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link SpdxLicenseList} from the npm packages' JSON files. The packages are released
 * separately, so an id may be in one and not yet in the other: the list is their union, and an id
 * is deprecated if {@code spdx-license-ids/deprecated.json} says so. spdx-license-list also has
 * entries such as {@code GPL-2.0+}: those are the id {@code GPL-2.0} with the {@code +} operator,
 * not ids (an SPDX idstring has no {@code +}), and are left out.
 */
final class SpdxListLoader {
  private SpdxListLoader() {}

  static SpdxLicenseList load(Function<String, JsonNode> files) {
    JsonNode metadata = files.apply("spdx-license-list/spdx.json");
    Set<String> current = strings(files.apply("spdx-license-ids/index.json"));
    Set<String> deprecated = strings(files.apply("spdx-license-ids/deprecated.json"));
    Map<String, LicenseInfo> licenses = new LinkedHashMap<>();
    metadata
        .fields()
        .forEachRemaining(
            e -> {
              String id = e.getKey();
              if (!id.endsWith("+")) {
                JsonNode license = e.getValue();
                licenses.put(
                    id,
                    new LicenseInfo(
                        id,
                        license.path("name").asText(null),
                        license.path("osiApproved").asBoolean(false),
                        deprecated.contains(id)));
              }
            });
    for (String id : current) {
      licenses.putIfAbsent(id, new LicenseInfo(id, null, false, false));
    }
    for (String id : deprecated) {
      licenses.putIfAbsent(id, new LicenseInfo(id, null, false, true));
    }
    Set<String> exceptions = strings(files.apply("spdx-exceptions/index.json"));
    Set<String> deprecatedExceptions = strings(files.apply("spdx-exceptions/deprecated.json"));
    List<String> allExceptions = new ArrayList<>(exceptions);
    allExceptions.addAll(deprecatedExceptions);
    String version =
        version(files, "spdx-license-list")
            + "+"
            + version(files, "spdx-license-ids")
            + "+"
            + version(files, "spdx-exceptions");
    return new SpdxLicenseList(version, licenses.values(), allExceptions, deprecatedExceptions);
  }

  private static String version(Function<String, JsonNode> files, String pkg) {
    String version = files.apply(pkg + "/package.json").path("version").asText("");
    if (version.isEmpty()) {
      throw new IllegalStateException(pkg + "/package.json has no version");
    }
    return pkg + "@" + version;
  }

  private static Set<String> strings(JsonNode array) {
    if (!array.isArray() || array.isEmpty()) {
      throw new IllegalStateException("an SPDX id list is empty or not an array");
    }
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
