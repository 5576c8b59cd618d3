package io.assent.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The domain packages know neither Vert.x nor RocksDB: they reach storage through {@code
 * io.assent.node.store} and are called by the API layer (DESIGN.md, STYLE.md rule 1).
 */
class DomainIsolationTest {

  static final String[] DOMAIN_PACKAGES = {
    "identity", "consent", "dataset", "credential", "anchor"
  };

  /** The rule for the domain packages under {@code root}. */
  static ArchRule domainIsolation(String root) {
    String[] packages = new String[DOMAIN_PACKAGES.length];
    for (int i = 0; i < packages.length; i++) {
      packages[i] = root + "." + DOMAIN_PACKAGES[i] + "..";
    }
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "org.rocksdb..")
        .because("domain code must not depend on the HTTP server or the storage engine");
  }

  @Test
  void domainPackagesImportNeitherVertxNorRocksDb() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.assent.node");
    assertThat(
            main.stream().anyMatch(c -> c.getPackageName().startsWith("io.assent.node.identity")))
        .as("the rule sees the identity package")
        .isTrue();
    domainIsolation("io.assent.node").check(main);
  }

  @Test
  void ruleCatchesAViolation() {
    JavaClasses fixture =
        new ClassFileImporter().importPackages("io.assent.node.architecture.fixture");
    EvaluationResult result =
        domainIsolation("io.assent.node.architecture.fixture").evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("UsesVertx") && line.contains("io.vertx"));
  }
}
