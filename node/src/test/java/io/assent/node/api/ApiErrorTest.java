package io.assent.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void openApiDocumentListsEveryCodeExactly() {
    String document = ApiServer.openApiDocument();
    Matcher block =
        Pattern.compile(
                "code:\\s*\\n\\s*type: string\\n.*?enum:\\n((?:\\s+- \\w+\\n)+)", Pattern.DOTALL)
            .matcher(document);
    assertThat(block.find()).as("Problem.code enum in openapi.yaml").isTrue();
    String[] documented =
        Arrays.stream(block.group(1).split("\\n"))
            .map(line -> line.replace("-", "").trim())
            .filter(s -> !s.isEmpty())
            .toArray(String[]::new);
    assertThat(documented)
        .containsExactlyInAnyOrder(
            Arrays.stream(ApiError.values()).map(ApiError::code).toArray(String[]::new));
  }

  @Test
  void codesAreUniqueAndTypesDerived() {
    assertThat(Arrays.stream(ApiError.values()).map(ApiError::code).distinct().count())
        .isEqualTo(ApiError.values().length);
    assertThat(ApiError.NOT_OWNER.type()).isEqualTo("https://assent.dev/problems/notOwner");
  }
}
